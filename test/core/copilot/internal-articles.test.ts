import { describe, expect, it } from 'vitest';
import { buildDecider } from '../../../src/core/answer/build-decider.js';
import { handleMessage } from '../../../src/core/conversation/handle-message.js';
import { ACME, ACME_SECOND, casey, copilotPolicy, copilotWorld, TRIAL_RUNBOOK } from './copilot-world.js';

const QUESTION = 'How do I extend the trial of our workspace by two weeks?';

/** Acme's first channel in copilot mode (a specialist reads every draft first), its second in autopilot. */
function world() {
  const policy = copilotPolicy('copilot', 'autopilot');
  return copilotWorld(policy, buildDecider({ policy, kb: [TRIAL_RUNBOOK] }));
}

async function ask(w: ReturnType<typeof world>, channel: string, id: string) {
  const outcome = await handleMessage(w.deps, { id, ref: { platform: 'slack', channel, thread: id }, author: casey, text: QUESTION, at: w.at() });
  await w.deliverAll();
  return outcome;
}

describe('an internal (staff-only) article', () => {
  it('grounds the copilot draft, and the packet names it with its source as internal', async () => {
    const w = world();
    const outcome = await ask(w, ACME, '1.0');
    const packet = w.packets.get(outcome.kind === 'decided' ? outcome.draftId! : '')!;
    expect(packet.draft).toMatchObject({ state: 'pending', text: expect.stringContaining('TRIAL-EXT-14') });
    expect(packet.draftAnswer?.citations).toEqual([{ id: TRIAL_RUNBOOK.id, title: TRIAL_RUNBOOK.title, source: 'runbooks', internal: true }]);
    expect(w.toCustomer).toEqual([]);
  });

  it('is never quoted to the customer who asks the same question in autopilot: they are handed to a person', async () => {
    const w = world();
    const outcome = await ask(w, ACME_SECOND, '2.0');
    expect(outcome).toMatchObject({ kind: 'decided', decision: { action: 'escalate' } });
    const seen = JSON.stringify([w.toCustomer, outcome.kind === 'decided' ? outcome.decision : undefined]);
    expect(seen).not.toMatch(/TRIAL-EXT-14|Trial extension runbook/);
  });
});
