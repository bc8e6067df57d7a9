import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../../src/config/load-policy.js';
import { buildDecider } from '../../../src/core/answer/build-decider.js';
import { handleMessage } from '../../../src/core/conversation/handle-message.js';
import type { LoopDeps } from '../../../src/core/deps.js';
import { closeEscalation } from '../../../src/core/escalation/close-escalation.js';
import { loadInbox } from '../../../src/core/escalation/inbox.js';
import { addInternalNote } from '../../../src/core/escalation/internal-note.js';
import { relayToCustomer } from '../../../src/core/escalation/relay-reply.js';
import { assignEscalation, claimEscalation } from '../../../src/core/escalation/specialist-actions.js';
import { escalationFacts, isHandoff } from '../../../src/core/metrics/facts.js';
import { outcomeRules } from '../../../src/core/metrics/outcomes.js';
import { buildReport } from '../../../src/core/metrics/report.js';
import { renderReportBlocks } from '../../../src/slack/render/report-blocks.js';
import { E2E_KNOWLEDGE } from '../../e2e/knowledge.js';
import { FakeClock, memoryCore } from '../../fakes/memory-core.js';

const POLICY = loadPolicy('test/fixtures/e2e/baton.e2e.yaml');
const CUSTOMER = { id: 'U0CUST', isExternal: true, name: 'Cleo' };
const ANA = { id: 'U0ANA', isExternal: false, name: 'Ana' };
const BEN = { id: 'U0BEN', isExternal: false, name: 'Ben' };
const MIN = 60_000;
const CHANNEL = 'C0ACME0001';

/** The e2e team's policy in memory, with the facts store read from the escalations kept (as the stores keep it up to date). */
function world() {
  const clock = new FakeClock();
  const { deps: core, conversations, escalations } = memoryCore(POLICY, buildDecider({ policy: POLICY, kb: E2E_KNOWLEDGE }), clock);
  // A close tells the customer at once; what it says is not what these tests read.
  Object.assign(core.gateway, { replyToCustomer: async () => 'sent' });
  const facts = { escalationsOpened: async (since: number, until: number) => [...escalations.values()].map(escalationFacts).filter((f) => f.openedAt >= since && f.openedAt < until) };
  // A close asks for a rating; these tests read none.
  const csat = { get: async () => undefined, put: async () => undefined, update: async () => undefined, listAsked: async () => [], lastAsked: async () => undefined, markAsked: async () => undefined };
  const deps = { ...core, loop: { facts, csat } } as unknown as LoopDeps;
  let n = 0;
  /** A customer asks for a person in a new thread; returns the escalation's id. */
  const escalate = async () => {
    n += 1;
    await handleMessage(core, { id: `${n}.0`, ref: { platform: 'slack', channel: CHANNEL, thread: `${n}.0` }, author: CUSTOMER, text: 'Can I talk to a human please?', at: clock.at });
    const c = conversations.get(`slack:${CHANNEL}:${n}.0`)!;
    // The packet went out, as the delivery runner stores it: its thread can be written in.
    const packet = c.outbox!.find((d) => d.kind === 'packet')!;
    if (packet.kind !== 'packet') throw new Error('no packet');
    await core.escalations.create({ ...packet.escalation, packet: { platform: 'slack', channel: 'C0SUPPORT1', messageId: `${n}.5` } });
    return { id: packet.escalation.id, key: c.key };
  };
  /** Everything the customer of that conversation was sent or will be, and every turn of it. */
  const customerSees = (key: string) => {
    const c = conversations.get(key)!;
    return JSON.stringify([c.turns, (c.outbox ?? []).filter((d) => d.kind === 'customer')]);
  };
  /** The lines the conversation's outbox owes its packet thread. */
  const packetThread = (key: string) => (conversations.get(key)!.outbox ?? []).flatMap((d) => (d.kind === 'note' ? [d.text] : []));
  return { deps, clock, escalate, customerSees, packetThread, escalations };
}

describe('internal notes', () => {
  it('are kept with the escalation and posted in the packet thread, and never reach the customer', async () => {
    const w = world();
    const { id, key } = await w.escalate();
    const result = await addInternalNote(w.deps, id, ANA, '  Refund approved by finance, ticket FIN-88  ');
    expect(result.ok).toBe(true);
    expect(w.escalations.get(id)!.notes).toEqual([{ at: w.clock.at, by: { id: ANA.id, name: 'Ana' }, text: 'Refund approved by finance, ticket FIN-88' }]);
    expect(w.packetThread(key)).toContain('Internal note from Ana: Refund approved by finance, ticket FIN-88');
    expect(w.customerSees(key)).not.toContain('FIN-88');
    expect((await loadInbox(w.deps, ANA))[0]!.notes.map((x) => x.text)).toEqual(['Refund approved by finance, ticket FIN-88']);
  });

  it('are refused from a customer, when empty or too long, and for an escalation that does not exist', async () => {
    const w = world();
    const { id } = await w.escalate();
    expect(await addInternalNote(w.deps, id, CUSTOMER, 'let me in')).toEqual({ ok: false, reason: 'not_allowed' });
    expect(await addInternalNote(w.deps, id, ANA, ' \n ')).toEqual({ ok: false, reason: 'empty' });
    expect(await addInternalNote(w.deps, id, ANA, 'x'.repeat(3001))).toEqual({ ok: false, reason: 'too_long' });
    expect(await addInternalNote(w.deps, 'E-NONE', ANA, 'hello')).toEqual({ ok: false, reason: 'not_found' });
    expect(w.escalations.get(id)!.notes).toBeUndefined();
  });
});

describe('assigning to a teammate', () => {
  it('makes the assignee the claimer, tells the customer who has it, and records who gave it', async () => {
    const w = world();
    const { id, key } = await w.escalate();
    await claimEscalation(w.deps, id, ANA);
    const result = await assignEscalation(w.deps, id, ANA, BEN);
    expect(result).toMatchObject({ ok: true, escalation: { status: 'claimed', claimedBy: { id: BEN.id, name: 'Ben' } } });
    expect(w.customerSees(key)).toContain('Ben from our team is on it now.');
    expect(w.packetThread(key)).toContain('Ana assigned this to Ben.');
    expect((await loadInbox(w.deps, BEN, { mine: true })).map((r) => r.escalationId)).toEqual([id]);
    expect(await loadInbox(w.deps, ANA, { mine: true })).toEqual([]);
  });

  it('refuses a customer on either side and a closed escalation', async () => {
    const w = world();
    const { id } = await w.escalate();
    expect(await assignEscalation(w.deps, id, ANA, CUSTOMER)).toEqual({ ok: false, reason: 'not_allowed' });
    expect(await assignEscalation(w.deps, id, CUSTOMER, ANA)).toEqual({ ok: false, reason: 'not_allowed' });
    await closeEscalation(w.deps, id, ANA, { rootCause: 'product_bug', aiAccuracy: 'correct', automation: 'no' });
    expect(await assignEscalation(w.deps, id, ANA, BEN)).toMatchObject({ ok: false, reason: 'already_resolved' });
  });
});

describe('the inbox', () => {
  it('lists by status, queue, "claimed by me" and breaching, with the SLA as time left or overdue', async () => {
    const w = world();
    const late = await w.escalate();
    w.clock.at += 200 * MIN;
    const fresh = await w.escalate();
    const mine = await w.escalate();
    await claimEscalation(w.deps, mine.id, ANA);
    w.clock.at += 50 * MIN;
    const rows = await loadInbox(w.deps, ANA);
    const sla = Object.fromEntries(rows.map((r) => [r.escalationId, [r.status, r.slaMs / MIN, r.breaching]]));
    // The support queue promises 240 minutes to a claim; the first one was opened 250 minutes ago.
    expect(sla).toEqual({ [late.id]: ['open', -10, true], [fresh.id]: ['open', 190, false], [mine.id]: ['claimed', 240, false] });
    expect(rows.map((r) => r.escalationId)).toEqual([late.id, fresh.id, mine.id]);
    expect((await loadInbox(w.deps, ANA, { breaching: true })).map((r) => r.escalationId)).toEqual([late.id]);
    expect((await loadInbox(w.deps, ANA, { status: 'claimed' })).map((r) => r.escalationId)).toEqual([mine.id]);
    expect((await loadInbox(w.deps, ANA, { mine: true })).map((r) => r.escalationId)).toEqual([mine.id]);
    expect(await loadInbox(w.deps, ANA, { queue: 'billing' })).toEqual([]);
    expect(rows[0]).toMatchObject({ queueRole: 'support specialist', account: 'Acme Corp', trigger: 'Asked for a person' });
  });
});

describe('first-response and resolution times', () => {
  it('time a person\'s first words to the customer, not the claim, and the close, by queue', async () => {
    const w = world();
    const opened = w.clock.at;
    const a = await w.escalate();
    const b = await w.escalate();
    const c = await w.escalate();
    w.clock.at = opened + 5 * MIN;
    await claimEscalation(w.deps, a.id, ANA);
    w.clock.at = opened + 20 * MIN;
    await relayToCustomer(w.deps, a.id, ANA, 'Looking at your invoice now.');
    w.clock.at = opened + 40 * MIN;
    await relayToCustomer(w.deps, b.id, BEN, 'Hello, Ben here.');
    await relayToCustomer(w.deps, a.id, ANA, 'A second reply changes nothing.');
    w.clock.at = opened + 50 * MIN;
    // Closed with no word to the customer: a reply after the close is no first response.
    await closeEscalation(w.deps, c.id, BEN, { rootCause: 'product_bug', aiAccuracy: 'correct', automation: 'no' });
    w.clock.at = opened + 60 * MIN;
    await relayToCustomer(w.deps, c.id, BEN, 'Glad it is sorted.');
    w.clock.at = opened + 90 * MIN;
    await closeEscalation(w.deps, a.id, ANA, { rootCause: 'product_bug', aiAccuracy: 'correct', automation: 'no' });
    const escalations = [...w.escalations.values()].map(escalationFacts).filter(isHandoff);
    const report = buildReport({ conversations: [], escalations, csat: [] }, { days: 7 }, w.clock.at, outcomeRules(POLICY));
    // Claims at 5 (a), 40 (b, by replying) and 50 minutes (c, by closing); replies at 20 (a) and 40 (b); closes at 50 (c) and 90 (a).
    expect(report.queues).toEqual([expect.objectContaining({ queueId: 'support', escalations: 3, claimP50: 40 * MIN, firstResponseP50: 20 * MIN, firstResponseP90: 40 * MIN, resolveP50: 50 * MIN, resolveP90: 90 * MIN })]);
    // What /baton report shows a lead.
    expect(JSON.stringify(renderReportBlocks(report))).toContain('*support*: 3 esc. · claim p50 40 min, p90 50 min · first response p50 20 min, p90 40 min · resolve p50 50 min, p90 1 h 30 min');
  });
});
