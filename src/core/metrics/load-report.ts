import type { LoopDeps } from '../deps.js';
import { draftRows } from '../copilot/draft-figures.js';
import { feedbackFigures } from '../feedback/feedback-figures.js';
import { coveredWhole, DAY_MS, dayStart, daysCovering, expiredTimes, holdsAt, refreshDay, reportPieces, summarizeDays, type DaySummary } from './day-summary.js';
import { classifyRows, groupBy } from './outcome-rows.js';
import { isHandoff, type PacketFacts } from './facts.js';
import type { CsatRecord } from '../ports/csat-store.js';
import type { StoredDaySummary } from '../ports/facts-store.js';
import { outcomeRules, type OutcomeRules } from './outcomes.js';
import { periodBounds, type PeriodBounds } from './report-period.js';
import { REPORT_DAYS, reportFromPieces, type ReportRequest, type ReportView } from './report.js';

/** Days whose conversations are read and classified together when their summaries are rebuilt. */
const CLASSIFIED_DAYS = 30;

/** What a report reads: the policy's outcome rules, the clock, and the loop's stores. */
export type ReportDeps = Pick<LoopDeps, 'policy' | 'clock'> & { loop: Pick<LoopDeps['loop'], 'facts' | 'csat' | 'feedback'> };

/**
 * The stored summaries of `days`, and those of them that do not hold at `now` and must be classified
 * again; read with their rows where those do not hold (their rows tell which changed) or `readsRows` says.
 */
async function storedAt(deps: ReportDeps, days: number[], now: number, readsRows: (day: number) => boolean): Promise<{ stored: StoredDaySummary[]; stale: StoredDaySummary[] }> {
  const zone = deps.policy.digest.timezone;
  // A summary counted by calendar days in another zone (the policy's changed) is counted again.
  const holds = (s: DaySummary) => holdsAt(s, now) && s.zone === zone;
  const stored = await deps.loop.facts.daySummaries(days, (s) => !holds(s) || readsRows(s.day));
  return { stored, stale: stored.filter((s) => !s.summary || !holds(s.summary)) };
}

/**
 * Past this share of a day's conversations to classify again (their time ran out, or their facts
 * changed), one range read of the day beats a read per creation time: the day is classified again whole.
 */
const REFRESHED_SHARE = 0.1;

/** A stale day whose rows tell which conversations to classify again, at `times`; its escalations too if they changed. */
interface InPart {
  stored: StoredDaySummary;
  summary: DaySummary;
  times: number[];
  escalations: boolean;
}

function inPart(stored: StoredDaySummary, now: number, zone: string): InPart | undefined {
  const summary = stored.summary ?? stored.outdated?.summary;
  if (!summary || summary.computedAt > now || summary.zone !== zone) return undefined;
  const expired = expiredTimes(summary, now);
  if (!expired) return undefined;
  const times = [...new Set([...expired, ...(stored.outdated?.conversations ?? [])])];
  if (times.length > summary.conversations.length * REFRESHED_SHARE) return undefined;
  return { stored, summary, times, escalations: stored.outdated?.escalations ?? false };
}

/**
 * Brings days stale in part up to date: their conversations at the given times classified again (read one
 * creation time at a time, with their own escalations and ratings only), and the escalations and drafts
 * they opened read again where those changed.
 */
async function refreshInPart(deps: ReportDeps, parts: InPart[], now: number, rules: OutcomeRules): Promise<DaySummary[]> {
  const { facts, csat } = deps.loop;
  const conversations = (await Promise.all(parts.flatMap((p) => p.times.map((t) => facts.conversationsCreated(t, t + 1))))).flat();
  const keys = conversations.map((c) => c.key);
  // A conversation's escalations and CSAT ask come on or after the moment it started.
  const first = conversations.reduce((min, c) => Math.min(min, c.createdAt), Infinity);
  const [theirs, ratings, opened] = await Promise.all([
    keys.length > 0 ? facts.escalationsOpened(first, now + 1, keys) : Promise.resolve<PacketFacts[]>([]),
    Promise.all(keys.map((key) => csat.get(key))),
    Promise.all(parts.map((p) => (p.escalations ? facts.escalationsOpened(p.summary.day, p.summary.day + DAY_MS) : undefined))),
  ]);
  const input = { conversations, escalations: theirs.filter(isHandoff), csat: ratings.filter((r): r is CsatRecord => r !== undefined && r.askedAt <= now) };
  const fresh = groupBy(classifyRows(input, now, rules), (r) => dayStart(r.createdAt));
  return parts.map((p, i) => {
    const packets = opened[i];
    return refreshDay(p.summary, p.times, fresh.get(p.summary.day) ?? [], now, packets && { escalations: packets.filter(isHandoff), drafts: draftRows(packets) });
  });
}

/**
 * Classifies the stale days again from the facts and stores their summaries for the next report: in part
 * where the day's rows tell which conversations' time ran out or facts changed, the rest whole.
 */
async function rebuild(deps: ReportDeps, stale: StoredDaySummary[], now: number, rules: OutcomeRules): Promise<Map<number, DaySummary>> {
  const rebuilt = new Map<number, DaySummary>();
  const zone = deps.policy.digest.timezone;
  const parts: InPart[] = [], whole: StoredDaySummary[] = [];
  for (const s of stale) {
    const part = inPart(s, now, zone);
    if (part) parts.push(part);
    else whole.push(s);
  }
  if (parts.length > 0) {
    for (const summary of await refreshInPart(deps, parts, now, rules)) rebuilt.set(summary.day, summary);
    await Promise.all(parts.map(({ stored }) => deps.loop.facts.saveDaySummary(stored.version, rebuilt.get(stored.day)!)));
  }
  if (whole.length === 0) return rebuilt;
  // Every escalation and CSAT ask from the first day on: each conversation meets all of its own.
  const [packets, csat] = await Promise.all([deps.loop.facts.escalationsOpened(whole[0]!.day, now + 1), deps.loop.csat.listAsked(whole[0]!.day, now + 1)]);
  const escalations = packets.filter(isHandoff);
  const drafts = draftRows(packets);
  // A few weeks of conversations at a time: half a year of a large team's, classified at once, does not fit in memory.
  for (let i = 0; i < whole.length; i += CLASSIFIED_DAYS) {
    const batch = whole.slice(i, i + CLASSIFIED_DAYS);
    const conversations = (await Promise.all(batch.map((s) => deps.loop.facts.conversationsCreated(s.day, s.day + DAY_MS)))).flat();
    const input = { conversations, escalations, drafts, csat };
    for (const summary of summarizeDays(batch.map((s) => s.day), input, now, rules, zone)) rebuilt.set(summary.day, summary);
    await Promise.all(batch.map((s) => deps.loop.facts.saveDaySummary(s.version, rebuilt.get(s.day)!)));
  }
  return rebuilt;
}

/**
 * The summaries of `days` as of `now`: stored ones where they still hold, the rest classified again.
 * Usually only the last week or so is rebuilt (its quiet and held periods are still running); a write
 * to an older day marks that day for rebuilding.
 */
async function summariesAt(deps: ReportDeps, bounds: PeriodBounds, now: number, rules: OutcomeRules): Promise<DaySummary[]> {
  const { stored, stale } = await storedAt(deps, daysCovering(bounds.previousStart, now + 1), now, (day) => !coveredWhole(day, bounds, now));
  const rebuilt = await rebuild(deps, stale, now, rules);
  return stored.map((s) => rebuilt.get(s.day) ?? s.summary!);
}

/** Builds the report for the period and the one before it, as of the clock's now. */
export async function loadReport(deps: ReportDeps, request: ReportRequest): Promise<ReportView> {
  const now = deps.clock.now();
  const rules = outcomeRules(deps.policy);
  const bounds = periodBounds(request, now);
  const [summaries, votes] = await Promise.all([summariesAt(deps, bounds, now, rules), deps.loop.feedback.list(bounds.start, now + 1)]);
  const report = reportFromPieces(reportPieces(summaries, bounds, now), request, now, rules, deps.policy.digest.timezone);
  return { ...report, feedback: feedbackFigures(votes.filter((v) => !request.category || v.category === request.category)) };
}

/**
 * Classifies the days the longest report reads (90 days and the 90 before, or a quarter and the one
 * before, whichever reaches back further) that have no summary holding now, so the next report only
 * reads; returns how many are left for the next sweep. The scheduler runs it on every sweep: after an
 * import or an upgrade the days are classified in the background, not by the lead who asks first. It
 * takes the newest days first and at most a batch of them per sweep, as the SLA, CSAT and digest
 * sweeps of the scheduler's next tick wait for it.
 */
export async function warmReportDays(deps: ReportDeps, now: number): Promise<number> {
  const longest = periodBounds({ days: Math.max(...REPORT_DAYS) as ReportRequest['days'] }, now).previousStart;
  const quarters = periodBounds({ days: 90, quarter: true }, now).previousStart;
  const { stale } = await storedAt(deps, daysCovering(Math.min(longest, quarters), now + 1), now, () => false);
  const batch = stale.slice(-CLASSIFIED_DAYS);
  await rebuild(deps, batch, now, outcomeRules(deps.policy));
  return stale.length - batch.length;
}
