import { describe, expect, it } from 'vitest';
import { buildDecider } from '../../../src/core/answer/build-decider.js';
import { handleMessage } from '../../../src/core/conversation/handle-message.js';
import type { KnowledgeEntry } from '../../../src/core/ports/knowledge.js';
import { ACME, casey, copilotPolicy, copilotWorld, TRIAL_RUNBOOK } from '../copilot/copilot-world.js';

const GLOBEX = 'C0GLOBEX01';

/** A staff-only runbook synced from a knowledge source, with its page. */
const RUNBOOK: KnowledgeEntry = { ...TRIAL_RUNBOOK, url: 'https://help.example.com/runbooks/trial-extension#extend-a-trial' };

/** An article for the enterprise tier only. */
const SCIM: KnowledgeEntry = {
  id: 'help:scim#turn-on',
  kind: 'doc',
  purpose: 'answer',
  question: 'Turn on SCIM user provisioning',
  answer: 'Open Security, then SCIM, generate a bearer token and paste it into your identity provider.',
  title: 'SCIM: Turn on SCIM user provisioning',
  url: 'https://help.example.com/articles/scim',
  source: 'help',
  audience: { tiers: ['enterprise'] },
};

/** An imported past conversation on the same question: it teaches triage, and is no article. */
const PAST: KnowledgeEntry = {
  id: 'zendesk:4411',
  kind: 'conversation',
  purpose: 'history',
  question: 'Can you extend the trial of our workspace by two weeks?',
  answer: 'Done, I extended it for you with code TRIAL-EXT-14.',
  title: 'Ticket 4411',
};

/** Acme (enterprise) and Globex (starter) both answered by Baton itself: nothing waits for a specialist's review. */
function world() {
  const base = copilotPolicy('autopilot', 'autopilot');
  const policy = { ...base, accounts: base.accounts.map((a) => (a.id === 'globex' ? { ...a, tier: 'starter' } : a)) };
  const engine = buildDecider({ policy, kb: [RUNBOOK, SCIM, PAST] });
  const w = copilotWorld(policy, engine);
  w.deps.articles = engine;
  return w;
}

async function escalated(w: ReturnType<typeof world>, channel: string, id: string, text: string) {
  const outcome = await handleMessage(w.deps, { id, ref: { platform: 'slack', channel, thread: id }, author: casey, text, at: w.at() });
  await w.deliverAll();
  if (outcome.kind !== 'decided' || !outcome.escalationId) throw new Error(`not escalated: ${JSON.stringify(outcome)}`);
  return { packet: w.packets.get(outcome.escalationId)!, decision: outcome.decision };
}

describe('a packet of an escalated question', () => {
  it("lists the internal article on it for the team, marked internal, while the customer's side never names it", async () => {
    const w = world();
    const { packet, decision } = await escalated(w, ACME, '1.0', 'How do I extend the trial of our workspace by two weeks?');
    expect(packet.draft).toBeUndefined();
    expect(packet.articles).toEqual([{ id: RUNBOOK.id, title: RUNBOOK.title, url: RUNBOOK.url, source: 'runbooks', internal: true }]);
    expect(JSON.stringify([w.toCustomer, decision])).not.toMatch(/TRIAL-EXT-14|Trial extension runbook/);
  });

  it('never lists imported history, however close it comes', async () => {
    const w = world();
    const { packet } = await escalated(w, ACME, '2.0', 'Can you extend the trial of our workspace by two weeks?');
    expect(packet.articles?.map((a) => a.id)).toEqual([RUNBOOK.id]);
  });

  it("keeps to the account's audience: a starter-tier packet never lists an enterprise-only article", async () => {
    const w = world();
    const ask = 'I want to talk to a person about turning on SCIM user provisioning';
    const enterprise = await escalated(w, ACME, '3.0', ask);
    expect(enterprise.packet.articles?.map((a) => a.id)).toEqual([SCIM.id]);
    const starter = await escalated(w, GLOBEX, '4.0', ask);
    expect(starter.packet.articles).toBeUndefined();
  });

  it('goes out without the list when the search fails', async () => {
    const w = world();
    w.deps.articles = {
      articlesFor: () => {
        throw new Error('index unavailable');
      },
    };
    const { packet } = await escalated(w, ACME, '5.0', 'How do I extend the trial of our workspace by two weeks?');
    expect(packet).toMatchObject({ escalationId: expect.any(String), status: 'open' });
    expect(packet.articles).toBeUndefined();
  });
});
