import type { LoopDeps } from '../deps.js';
import { draftRows } from '../copilot/draft-figures.js';
import { feedbackFigures } from '../feedback/feedback-figures.js';
import { DAY_MS, daysCovering, holdsAt, reportPieces, summarizeDays, type DaySummary } from './day-summary.js';
import { isHandoff } from './facts.js';
import type { StoredDaySummary } from '../ports/facts-store.js';
import { outcomeRules, type OutcomeRules } from './outcomes.js';
import { periodBounds } from './report-period.js';
import { REPORT_DAYS, reportFromPieces, type ReportRequest, type ReportView } from './report.js';

/** Days whose conversations are read and classified together when their summaries are rebuilt. */
const CLASSIFIED_DAYS = 30;

/** What a report reads: the policy's outcome rules, the clock, and the loop's stores. */
export type ReportDeps = Pick<LoopDeps, 'policy' | 'clock'> & { loop: Pick<LoopDeps['loop'], 'facts' | 'csat' | 'feedback'> };

/** The stored summaries of `days`, and those of them that do not hold at `now` and must be classified again. */
async function storedAt(deps: ReportDeps, days: number[], now: number): Promise<{ stored: StoredDaySummary[]; stale: StoredDaySummary[] }> {
  const zone = deps.policy.digest.timezone;
  const stored = await deps.loop.facts.daySummaries(days);
  // A summary counted by calendar days in another zone (the policy's changed) is counted again.
  return { stored, stale: stored.filter((s) => !s.summary || !holdsAt(s.summary, now) || s.summary.zone !== zone) };
}

/** Classifies the stale days again from the facts and stores their summaries for the next report. */
async function rebuild(deps: ReportDeps, stale: StoredDaySummary[], now: number, rules: OutcomeRules): Promise<Map<number, DaySummary>> {
  const rebuilt = new Map<number, DaySummary>();
  if (stale.length === 0) return rebuilt;
  // A conversation's escalations and CSAT ask come on or after the day it started, so reading them
  // from the first stale day on gives every stale conversation all of its own.
  const first = stale[0]!.day;
  const [packets, csat] = await Promise.all([deps.loop.facts.escalationsOpened(first, now + 1), deps.loop.csat.listAsked(first, now + 1)]);
  const escalations = packets.filter(isHandoff);
  const drafts = draftRows(packets);
  // A few weeks of conversations at a time: half a year of a large team's, classified at once, does not fit in memory.
  for (let i = 0; i < stale.length; i += CLASSIFIED_DAYS) {
    const batch = stale.slice(i, i + CLASSIFIED_DAYS);
    const conversations = (await Promise.all(batch.map((s) => deps.loop.facts.conversationsCreated(s.day, s.day + DAY_MS)))).flat();
    const input = { conversations, escalations, drafts, csat };
    for (const summary of summarizeDays(batch.map((s) => s.day), input, now, rules, deps.policy.digest.timezone)) rebuilt.set(summary.day, summary);
    await Promise.all(batch.map((s) => deps.loop.facts.saveDaySummary(s.version, rebuilt.get(s.day)!)));
  }
  return rebuilt;
}

/**
 * The summaries of `days` as of `now`: stored ones where they still hold, the rest classified again.
 * Usually only the last week or so is rebuilt (its quiet and held periods are still running); a write
 * to an older day marks that day for rebuilding.
 */
async function summariesAt(deps: ReportDeps, days: number[], now: number, rules: OutcomeRules): Promise<DaySummary[]> {
  const { stored, stale } = await storedAt(deps, days, now);
  const rebuilt = await rebuild(deps, stale, now, rules);
  return stored.map((s) => rebuilt.get(s.day) ?? s.summary!);
}

/** Builds the report for the period and the one before it, as of the clock's now. */
export async function loadReport(deps: ReportDeps, request: ReportRequest): Promise<ReportView> {
  const now = deps.clock.now();
  const rules = outcomeRules(deps.policy);
  const bounds = periodBounds(request, now);
  const [summaries, votes] = await Promise.all([summariesAt(deps, daysCovering(bounds.previousStart, now + 1), now, rules), deps.loop.feedback.list(bounds.start, now + 1)]);
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
  const { stale } = await storedAt(deps, daysCovering(Math.min(longest, quarters), now + 1), now);
  const batch = stale.slice(-CLASSIFIED_DAYS);
  await rebuild(deps, batch, now, outcomeRules(deps.policy));
  return stale.length - batch.length;
}
