import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STORES, storesClosedAfterEach } from './opened-stores.js';
import { parsePolicy } from '../../src/config/load-policy.js';
import { draftRows } from '../../src/core/copilot/draft-figures.js';
import type { DraftState } from '../../src/core/escalation/escalation.js';
import { isHandoff, type ConversationFacts, type EscalationFacts, type FactKind, type PacketFacts } from '../../src/core/metrics/facts.js';
import { loadReport, warmReportDays, type ReportDeps } from '../../src/core/metrics/load-report.js';
import type { FactsStore } from '../../src/core/ports/facts-store.js';
import { outcomeRules } from '../../src/core/metrics/outcomes.js';
import { buildReport, type ReportRequest, type ReportView } from '../../src/core/metrics/report.js';
import type { TriggerType } from '../../src/core/model/decision.js';
import type { Stores } from '../../src/infra/store/open-stores.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** A fixed past, so these day keys meet no other test's in the shared Redis. */
const NOW = Date.UTC(2021, 2, 31, 9);
const policy = parsePolicy(readFileSync('config/baton.yaml', 'utf8'), 'config/baton.yaml');

const open = storesClosedAfterEach();

/** A conversation `ago` before NOW from [minutes after its start, kind] turns; category undefined = smalltalk. */
function conv(key: string, ago: number, turns: [number, FactKind][], category?: string): ConversationFacts {
  const createdAt = NOW - ago;
  const at: Record<FactKind, number[]> = { customer: [], thanks: [], bot: [], staff: [] };
  for (const [m, kind] of turns) at[kind].push(createdAt + m * MIN);
  return { key: `sum:${key}`, accountId: 'acme', createdAt, ...(category ? { category } : {}), at };
}

function esc(c: ConversationFacts, trigger: TriggerType, openedAt: number, o: { claimed?: number; resolved?: number } = {}): EscalationFacts {
  const status = o.resolved !== undefined ? 'resolved' : o.claimed !== undefined ? 'claimed' : 'open';
  return {
    id: `E-${c.key}-${openedAt}`, conversationKey: c.key, accountId: 'acme', queueId: 'support', category: c.category ?? 'billing', trigger, status, openedAt,
    dueAt: openedAt + HOUR,
    ...(o.claimed !== undefined ? { claimedAt: openedAt + o.claimed * MIN } : {}),
    ...(o.resolved !== undefined ? { resolvedAt: openedAt + o.resolved * MIN } : {}),
  };
}

/** A copilot draft on `c`'s question, offered a minute in; reviewed `resolved` minutes later unless pending. */
function draft(c: ConversationFacts, state: DraftState, resolved?: number): PacketFacts {
  const openedAt = c.createdAt + MIN;
  return {
    id: `D-${c.key}`, conversationKey: c.key, accountId: 'acme', queueId: 'support', category: c.category ?? 'billing', trigger: 'copilot', draft: state,
    status: state === 'pending' ? 'open' : 'resolved', openedAt, dueAt: openedAt + HOUR, ...(resolved !== undefined ? { resolvedAt: openedAt + resolved * MIN } : {}),
  };
}

const A = conv('A', 20 * DAY, [[0, 'customer'], [1, 'bot'], [5, 'thanks']], 'billing');
const B = conv('B', 20 * DAY, [[0, 'customer'], [1, 'bot']], 'billing');
const C = conv('C', 3 * DAY, [[0, 'customer'], [1, 'bot']], 'how_to');
/** Answered 23 h before NOW: in progress until its quiet period runs out an hour later. */
const D = conv('D', 23 * HOUR, [[0, 'customer'], [1, 'bot']], 'billing');
const E = conv('E', 10 * DAY, [[0, 'customer'], [3, 'staff']], 'how_to');
const F = conv('F', 5 * DAY, [[0, 'thanks']]);
const G = conv('G', 25 * DAY, [[0, 'customer']], 'billing');

async function writeHistory(s: Stores): Promise<void> {
  for (const c of [A, B, C, D, E, F, G]) await s.facts.putConversation(c);
  await s.facts.putEscalation(esc(B, 'human_button', B.createdAt + 10 * MIN, { claimed: 10, resolved: 50 }));
  await s.facts.putEscalation(esc(G, 'low_confidence', G.createdAt + MIN));
  await s.facts.putEscalation(draft(C, 'pending'));
  await s.facts.putEscalation(draft(E, 'edited', 2));
  const ask = (c: ConversationFacts, rating: number) => ({ conversationKey: c.key, ref: { platform: 'slack' as const, channel: 'C1', thread: c.key }, subject: 'baton' as const, askedAt: c.createdAt + HOUR, customers: ['U1'], rating });
  await s.csat.put(ask(A, 5));
  await s.csat.put(ask(B, 2));
}

/** Later: A's customer asks for a person (an old day changes) and E's customer rates, 1 h after NOW. */
async function writeChanges(s: Stores): Promise<void> {
  await s.facts.putEscalation(draft(C, 'discarded', 3 * DAY / MIN));
  await s.facts.putEscalation(esc(A, 'human_phrase', NOW + 30 * MIN));
  await s.csat.put({ conversationKey: E.key, ref: { platform: 'slack', channel: 'C1', thread: E.key }, subject: 'escalation', askedAt: NOW + HOUR, customers: ['U1'] });
  await s.csat.update(E.key, (current) => ({ next: { ...current, rating: 4 }, result: true }));
}

const deps = (s: Stores, now: number): ReportDeps => ({ policy, clock: { now: () => now }, loop: { facts: s.facts, csat: s.csat, feedback: s.feedback } });

/** The straightforward computation: every fact of both periods, classified afresh. */
async function straightforward(s: Stores, request: ReportRequest, now: number, zone?: string): Promise<ReportView> {
  const since = now - 2 * request.days * DAY;
  const [conversations, escalations, csat] = await Promise.all([s.facts.conversationsCreated(since, now + 1), s.facts.escalationsOpened(since, now + 1), s.csat.listAsked(since, now + 1)]);
  return buildReport({ conversations, escalations: escalations.filter(isHandoff), drafts: draftRows(escalations), csat }, request, now, outcomeRules(policy), zone);
}

/** The stores' facts, telling `onRead` each range of conversations read (the days classified again). */
function readsCounted(s: Stores, onRead: (since: number, until: number) => void): FactsStore {
  return {
    daySummaries: (days, withRows) => s.facts.daySummaries(days, withRows),
    saveDaySummary: (version, summary) => s.facts.saveDaySummary(version, summary),
    escalationsOpened: (since, until, of) => s.facts.escalationsOpened(since, until, of),
    conversationsCreated: (since, until) => {
      onRead(since, until);
      return s.facts.conversationsCreated(since, until);
    },
  };
}

const REQUESTS: ReportRequest[] = [{ days: 7 }, { days: 30 }, { days: 30, category: 'billing' }];

async function expectSameAsStraightforward(s: Stores, now: number): Promise<Map<string, ReportView>> {
  const views = new Map<string, ReportView>();
  for (const request of REQUESTS) {
    const fast = await loadReport(deps(s, now), request);
    // Answer feedback is read from its own log, not from the day summaries (test/core/feedback covers it).
    expect(fast).toEqual({ ...(await straightforward(s, request, now)), feedback: fast.feedback });
    views.set(`${request.days}d${request.category ?? ''}`, fast);
  }
  return views;
}

describe.each(STORES)('report day summaries on %s', (_name, uri) => {
  it('give the report the straightforward computation gives, before and after facts and time move on', async () => {
    const where = uri();
    const writer = await open(where);
    const reader = await open(where);
    await writeHistory(writer);

    const before = await expectSameAsStraightforward(reader, NOW);
    expect(before.get('30dbilling')!.current.kinds).toEqual({ escalated: 2, handled_by_staff: 0, resolved_by_baton: 1, in_progress: 1 });
    expect(before.get('30dbilling')!.current.csat).toMatchObject({ rated: 2, satisfied: 1, score: 0.5 });
    expect(before.get('30d')!.current.health).toEqual({ healthy: 1, frustrated: 1, direct: 0 });
    expect(before.get('30d')!.queues).toEqual([expect.objectContaining({ queueId: 'support', escalations: 2, claimP50: 10 * MIN, resolveP50: 50 * MIN, breaches: 1 })]);
    // Drafts count in no escalation figure, only in their own; the category filter keeps E's how_to draft out.
    expect(before.get('30d')!.drafts.current).toEqual({ offered: 2, sent: 0, edited: 1, discarded: 0, waiting: 1, acceptanceRate: 1 });
    expect(before.get('30dbilling')!.drafts.current.offered).toBe(0);
    // A second report at the same moment reads the stored summaries: still the same figures.
    await expectSameAsStraightforward(reader, NOW);
    // So does a process that parsed none: the counts of the days a period covers whole, the rows of the others.
    await expectSameAsStraightforward(await open(where), NOW);

    await writeChanges(writer);
    const after = await expectSameAsStraightforward(reader, NOW + 2 * HOUR);
    // A is escalated now, and D's quiet period ran out with no write at all.
    expect(after.get('30dbilling')!.current.kinds).toEqual({ escalated: 3, handled_by_staff: 0, resolved_by_baton: 1, in_progress: 0 });
    expect(after.get('30dbilling')!.current.escalationRate).toBe(0.75);
    expect(after.get('30d')!.current.health).toEqual({ healthy: 1, frustrated: 2, direct: 0 });
    expect(after.get('30d')!.current.csat).toMatchObject({ rated: 3, satisfied: 2 });
    // C's draft, offered 3 days ago, was discarded since: its day's summary is rebuilt.
    expect(after.get('7d')!.drafts.current).toEqual({ offered: 1, sent: 0, edited: 0, discarded: 1, waiting: 0, acceptanceRate: 0 });
    expect(after.get('7d')!.current.kinds).toEqual({ escalated: 0, handled_by_staff: 0, resolved_by_baton: 2, in_progress: 0 });
  });

  it('count an unclaimed escalation as breached once its due time passes, with no write in between', async () => {
    const s = await open(uri());
    // A hundred days after the other tests' facts: a customer three days back whose escalation was promised for an hour after `at`.
    const at = NOW + 100 * DAY;
    const H = conv('H', -97 * DAY, [[0, 'customer'], [1, 'bot']], 'billing');
    await s.facts.putConversation(H);
    await s.facts.putEscalation({ ...esc(H, 'human_button', H.createdAt + 2 * MIN), dueAt: at + HOUR });
    const before = await expectSameAsStraightforward(s, at);
    // The summary of its day expires when it comes due: the report counts what the straightforward computation counts.
    const after = await expectSameAsStraightforward(s, at + 2 * HOUR);
    expect([before.get('7d')!.breaches.current, after.get('7d')!.breaches.current]).toEqual([0, 1]);
  });

  it('classify again only the conversations whose held period ran out, with the figures of a full classification', async () => {
    const s = await open(uri());
    const at = NOW + 300 * DAY;
    const { heldMs } = outcomeRules(policy);
    // Thanked two minutes in, so its resolution holds an hour after `at`; thirty staff-handled threads of the same day never change.
    const P = conv('P', NOW - (at + HOUR - heldMs - 2 * MIN), [[0, 'customer'], [1, 'bot'], [2, 'thanks']], 'billing');
    const staff = Array.from({ length: 30 }, (_, i) => conv(`S${i}`, NOW - P.createdAt + (i + 1) * MIN, [[0, 'customer'], [3, 'staff']], 'how_to'));
    for (const c of [P, ...staff]) await s.facts.putConversation(c);
    // And one of them asked for a person, promised for an hour after `at`: its breach comes due with P's held period.
    await s.facts.putEscalation({ ...esc(staff[0]!, 'human_button', staff[0]!.createdAt + 2 * MIN), dueAt: at + HOUR });
    const before = await expectSameAsStraightforward(s, at);

    const read: [number, number][] = [];
    const facts = readsCounted(s, (since, until) => read.push([since, until]));
    const later = at + 2 * HOUR;
    for (const request of REQUESTS) {
      const fast = await loadReport({ ...deps(s, later), loop: { ...deps(s, later).loop, facts } }, request);
      expect(fast).toEqual({ ...(await straightforward(s, request, later)), feedback: fast.feedback });
    }
    // Only P was read and classified again; its resolution now counts as held.
    expect(read).toEqual([[P.createdAt, P.createdAt + 1]]);
    const after = await loadReport(deps(s, later), { days: 30 });
    expect([before.get('30d')!.current.held, after.current.held]).toEqual([0, 1]);
    expect([before.get('30d')!.breaches.current, after.breaches.current]).toEqual([0, 1]);
  });

  it('classify again only the conversations a write changed on a past day, with the figures of a full classification', async () => {
    const s = await open(uri());
    const at = NOW + 500 * DAY;
    // Thirty threads on each of two days, answered and thanked long enough ago that time changes none of them.
    const threads = [9, 11].map((ago, d) =>
      Array.from({ length: 30 }, (_, i) => conv(`T${d}-${i}`, NOW - (at - ago * DAY + i * MIN), [[0, 'customer'], [1, 'bot'], [5, 'thanks']], i % 2 ? 'billing' : 'how_to')),
    );
    const [back, rated, claimed] = [threads[0]![4]!, threads[1]![7]!, threads[1]![0]!];
    for (const c of threads.flat()) await s.facts.putConversation(c);
    await s.facts.putEscalation(esc(claimed, 'human_button', claimed.createdAt + 2 * MIN));
    await s.csat.put({ conversationKey: rated.key, ref: { platform: 'slack', channel: 'C1', thread: rated.key }, subject: 'baton', askedAt: rated.createdAt + HOUR, customers: ['U1'] });
    await expectSameAsStraightforward(s, at);

    // One customer comes back and asks for a person, another rates, and a specialist claims an old escalation.
    await s.facts.putEscalation(esc(back, 'human_phrase', at + 10 * MIN));
    await s.csat.update(rated.key, (current) => ({ next: { ...current, rating: 1 }, result: true }));
    await s.facts.putEscalation(esc(claimed, 'human_button', claimed.createdAt + 2 * MIN, { claimed: 20 * 60 }));
    const read: [number, number][] = [];
    const facts = readsCounted(s, (since, until) => read.push([since, until]));
    const later = at + HOUR;
    for (const request of REQUESTS) {
      const fast = await loadReport({ ...deps(s, later), loop: { ...deps(s, later).loop, facts } }, request);
      expect(fast).toEqual({ ...(await straightforward(s, request, later)), feedback: fast.feedback });
    }
    const first = (x: [number, number], y: [number, number]) => x[0] - y[0];
    expect(read.toSorted(first)).toEqual([back, claimed, rated].map((c): [number, number] => [c.createdAt, c.createdAt + 1]).toSorted(first));
    const after = await loadReport(deps(s, later), { days: 30 });
    expect(after.current.kinds.escalated).toBe(2);
    expect(after.current.csat).toMatchObject({ rated: 1, satisfied: 0 });
    expect(after.queues).toEqual([expect.objectContaining({ queueId: 'support', escalations: 2, claimP50: 20 * HOUR })]);
  });

  it('count calendar days in the policy zone, and count them again when the zone changes', async () => {
    const s = await open(uri());
    await writeHistory(s);
    // Half-hour and off-the-hour offsets: a UTC day of facts straddles two calendar days in these zones.
    for (const timezone of ['Asia/Kolkata', 'UTC', 'America/St_Johns']) {
      const zoned = { ...policy, digest: { ...policy.digest, timezone } };
      for (const request of [...REQUESTS, { days: 90, quarter: true } as const]) {
        const fast = await loadReport({ ...deps(s, NOW), policy: zoned }, request);
        expect(fast).toEqual({ ...(await straightforward(s, request, NOW, timezone)), feedback: fast.feedback });
      }
    }
  });

  it("are classified by the scheduler's sweeps newest first, 30 days a sweep, so the next sweeps wait on none for long", async () => {
    const s = await open(uri());
    await writeHistory(s);
    let classified = 0;
    const facts = readsCounted(s, () => classified++);
    const counted: ReportDeps = { ...deps(s, NOW), loop: { ...deps(s, NOW).loop, facts } };
    const left = [await warmReportDays(counted, NOW)];
    expect(classified).toBe(30);
    // After the first sweep the last 7 days and the 7 before are classified: a 7-day report reads only.
    await loadReport(counted, { days: 7 });
    expect(classified).toBe(30);
    while (left.at(-1)! > 0) left.push(await warmReportDays(counted, NOW));
    expect(left.slice(1).map((n, i) => left[i]! - n).slice(0, -1).every((d) => d === 30)).toBe(true);
    await expectSameAsStraightforward(s, NOW);
  });
});
