import type { LoopDeps } from '../deps.js';
import { draftRows } from '../copilot/draft-figures.js';
import { feedbackFigures } from '../feedback/feedback-figures.js';
import { coveredWhole, DAY_MS, dayStart, daysCovering, expiredTimes, holdsAt, refreshDay, reportPieces, summarizeDays, type DaySummary } from './day-summary.js';
import { classifyRows, groupBy } from './outcome-rows.js';
import { isHandoff } from './facts.js';
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
 * Past this share of a day's conversations whose time ran out, one range read of the day beats a
 * read per creation time: the day is classified again whole.
 */
const REFRESHED_SHARE = 0.1;

/** A stale day whose facts have not changed and whose rows tell which ran out: only those are classified again. */
interface Expired {
  stored: StoredDaySummary & { summary: DaySummary };
  times: number[];
}

function expiredOnly(s: StoredDaySummary, now: number, zone: string): Expired | undefined {
  const summary = s.summary;
  if (!summary || summary.computedAt > now || summary.zone !== zone) return undefined;
  const times = expiredTimes(summary, now);
  if (!times || times.length > summary.conversations.length * REFRESHED_SHARE) return undefined;
  return { stored: { ...s, summary }, times };
}

/**
 * Classifies the stale days again from the facts and stores their summaries for the next report: a day
 * whose facts did not change only in its conversations whose quiet or held period ran out, the rest whole.
 */
async function rebuild(deps: ReportDeps, stale: StoredDaySummary[], now: number, rules: OutcomeRules): Promise<Map<number, DaySummary>> {
  const rebuilt = new Map<number, DaySummary>();
  if (stale.length === 0) return rebuilt;
  const zone = deps.policy.digest.timezone;
  const expired: Expired[] = [], whole: StoredDaySummary[] = [];
  for (const s of stale) {
    const e = expiredOnly(s, now, zone);
    if (e) expired.push(e);
    else whole.push(s);
  }
  // A conversation's escalations and CSAT ask come on or after the moment it started, so reading them
  // from the first conversation classified again on gives each all of its own.
  const first = expired.reduce((min, e) => e.times.reduce((m, t) => Math.min(m, t), min), whole[0]?.day ?? Infinity);
  const [packets, csat] = Number.isFinite(first)
    ? await Promise.all([deps.loop.facts.escalationsOpened(first, now + 1), deps.loop.csat.listAsked(first, now + 1)])
    : [[], []];
  const escalations = packets.filter(isHandoff);
  const drafts = draftRows(packets);
  if (expired.length > 0) {
    const conversations = (await Promise.all(expired.flatMap((e) => e.times.map((t) => deps.loop.facts.conversationsCreated(t, t + 1))))).flat();
    const fresh = groupBy(classifyRows({ conversations, escalations, csat }, now, rules), (r) => dayStart(r.createdAt));
    for (const { stored, times } of expired) rebuilt.set(stored.day, refreshDay(stored.summary, times, fresh.get(stored.day) ?? [], now));
    await Promise.all(expired.map(({ stored }) => deps.loop.facts.saveDaySummary(stored.version, rebuilt.get(stored.day)!)));
  }
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
