import { describe, expect, it } from 'vitest';
import { buildDecider } from '../../../src/core/answer/build-decider.js';
import { loadPolicy } from '../../../src/config/load-policy.js';
import { handleMessage } from '../../../src/core/conversation/handle-message.js';
import { claimEscalation, releaseEscalation } from '../../../src/core/escalation/specialist-actions.js';
import { E2E_KNOWLEDGE } from '../../e2e/knowledge.js';
import { FakeClock, memoryCore } from '../../fakes/memory-core.js';

const POLICY = loadPolicy('test/fixtures/e2e/baton.e2e.yaml');
const CUSTOMER = { id: 'U0CUST', isExternal: true, name: 'Cleo' };
const ANA = { id: 'U0ANA', isExternal: false, name: 'Ana' };
const KEY = 'slack:C0ACME0001:1.0';

/** A customer who asked for a person, and the ports a claim uses, and only those: no gateway, decider or once-store. */
async function escalated() {
  const clock = new FakeClock();
  const { deps: core, conversations } = memoryCore(POLICY, buildDecider({ policy: POLICY, kb: E2E_KNOWLEDGE }), clock);
  await handleMessage(core, { id: '1.0', ref: { platform: 'slack', channel: 'C0ACME0001', thread: '1.0' }, author: CUSTOMER, text: 'Can I talk to a human please?', at: clock.at });
  const packet = conversations.get(KEY)!.outbox!.find((d) => d.kind === 'packet');
  if (packet?.kind !== 'packet') throw new Error('no packet');
  // The packet went out, as the delivery runner stores it.
  await core.escalations.create({ ...packet.escalation, packet: { platform: 'slack', channel: 'C0SUPPORT1', messageId: '1.5' } });
  const { policy, clock: c, conversations: convs, escalations, locks, log, newId } = core;
  let writes = 0;
  const counted = {
    get: convs.get,
    put: async (conversation: Parameters<typeof convs.put>[0]) => {
      writes += 1;
      await convs.put(conversation);
    },
  };
  const ports = { policy, clock: c, conversations: counted, escalations, locks, log, newId };
  const owed = () => (conversations.get(KEY)!.outbox ?? []).map((d) => (d.kind === 'customer' && d.message.kind === 'notice' ? `notice: ${d.message.text}` : d.kind));
  return { id: packet.escalation.id, ports, owed, writes: () => writes };
}

describe('a claim, on the ports it takes', () => {
  it('owes the customer the notice first and the packet its update, recorded in one conversation write', async () => {
    const w = await escalated();
    const before = w.owed().length;
    const result = await claimEscalation(w.ports, w.id, ANA);
    expect(result).toMatchObject({ ok: true, escalation: { status: 'claimed', claimedBy: { id: ANA.id } } });
    expect(w.owed().slice(before)).toEqual([expect.stringMatching(/^notice: .*Ana/), 'update']);
    expect(w.writes()).toBe(1);
  });

  it('a release owes the customer its notice and the packet its update in one write too', async () => {
    const w = await escalated();
    await claimEscalation(w.ports, w.id, ANA);
    const before = w.owed().length;
    await releaseEscalation(w.ports, w.id, ANA);
    expect(w.owed().slice(before)).toEqual([expect.stringMatching(/^notice: /), 'update']);
    expect(w.writes()).toBe(2);
  });
});
