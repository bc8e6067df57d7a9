import type { DraftRow } from '../copilot/draft-figures.js';
import { classifyRows, groupBy, type EscalationRow, type OutcomeRow, type ReportInput } from './outcome-rows.js';
import { breachChangesAt, escalationPiecesOf, type EscalationPiece } from './escalation-pieces.js';
import type { OutcomeRules } from './outcomes.js';
import { piecesOf, replacedIn, type Piece } from './pieces.js';
import type { PeriodBounds } from './report-period.js';
import type { ReportPieces } from './report.js';

export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * One UTC day of a report, classified once: the conversations created that day with their outcome
 * and rating, and the escalations opened that day. A report over 90 days reads these instead of
 * parsing and classifying every conversation again. Rows keep each conversation's own time, so a
 * period that starts mid-day still counts exactly the conversations the straightforward path counts.
 */
export interface DaySummary {
  /** Epoch ms of the day's UTC midnight. */
  day: number;
  /** The `now` it was classified at, and the first moment after which some outcome in it may differ. */
  computedAt: number;
  validUntil: number;
  conversations: OutcomeRow[];
  /** The same conversations counted by calendar day in `zone`: what a report reads of a day its periods cover whole. */
  zone: string;
  pieces: Piece[];
  escalations: EscalationRow[];
  /** The same escalations counted: what a report reads of a day its periods cover whole. */
  escalationPieces: EscalationPiece[];
  /** The copilot drafts offered that day. */
  drafts: DraftRow[];
}

export const dayStart = (t: number) => Math.floor(t / DAY_MS) * DAY_MS;

/** The UTC days that [since, until) touches. */
export function daysCovering(since: number, until: number): number[] {
  const days: number[] = [];
  for (let d = dayStart(since); d < until; d += DAY_MS) days.push(d);
  return days;
}

/** Usable for a report at `now`: classified no later than now, and nothing has come due since. */
export function holdsAt(s: DaySummary, now: number): boolean {
  return s.computedAt <= now && now < s.validUntil;
}

/** When the first of these escalations' breaches may count differently than at `now`. */
const breachesChangeAt = (opened: EscalationRow[], now: number) => opened.reduce((min, e) => Math.min(min, breachChangesAt(e, now)), Infinity);

/**
 * A day's summary from its rows as of `now`: it holds until the first row or unclaimed escalation may count
 * differently. `counted` gives pieces already counted as of `now`, so only what is missing is counted.
 */
function summaryOf(day: number, rows: OutcomeRow[], opened: EscalationRow[], drafts: DraftRow[], now: number, zone: string, counted: Partial<Pick<DaySummary, 'pieces' | 'escalationPieces'>> = {}): DaySummary {
  const validUntil = Math.min(rows.reduce((min, r) => Math.min(min, r.changesAt ?? now), Infinity), breachesChangeAt(opened, now));
  const pieces = counted.pieces ?? piecesOf(rows, zone);
  const escalationPieces = counted.escalationPieces ?? escalationPiecesOf(opened, now);
  return { day, computedAt: now, validUntil, conversations: rows, zone, pieces, escalations: opened, escalationPieces, drafts };
}

/**
 * Classifies the given days. `input` holds the conversations created on those days, and every
 * escalation and CSAT ask from the first of them to `now`, so each conversation meets all of its own.
 */
export function summarizeDays(days: number[], input: ReportInput, now: number, rules: OutcomeRules, zone = 'UTC'): DaySummary[] {
  const conversations = groupBy(classifyRows(input, now, rules), (r) => dayStart(r.createdAt));
  const escalations = groupBy(input.escalations, (e) => dayStart(e.openedAt));
  const drafts = groupBy(input.drafts ?? [], (d) => dayStart(d.openedAt));
  return days.map((day) => summaryOf(day, conversations.get(day) ?? [], escalations.get(day) ?? [], drafts.get(day) ?? [], now, zone));
}

/**
 * The creation times of the conversations of a summary whose outcome may differ at `now` (a quiet or
 * held period ran out); undefined when its rows do not tell (stored before they kept when they change),
 * and the day is classified again whole.
 */
export function expiredTimes(s: DaySummary, now: number): number[] | undefined {
  const times = new Set<number>();
  for (const r of s.conversations) {
    if (r.changesAt === undefined) return undefined;
    if (r.changesAt <= now) times.add(r.createdAt);
  }
  return [...times];
}

/**
 * A summary as of `now` with the conversations created at `times` replaced by `fresh` (every conversation
 * created at those times, classified at `now`), the rest kept as they hold; and the day's escalations and
 * drafts by `opened` when those changed.
 */
export function refreshDay(s: DaySummary, times: number[], fresh: OutcomeRow[], now: number, opened?: { escalations: EscalationRow[]; drafts: DraftRow[] }): DaySummary {
  const replaced = new Set(times);
  const kept: OutcomeRow[] = [], gone: OutcomeRow[] = [];
  for (const r of s.conversations) (replaced.has(r.createdAt) ? gone : kept).push(r);
  const rows = [...kept, ...fresh].sort((a, b) => a.createdAt - b.createdAt);
  // The pieces are recounted only for the rows replaced, and the escalations' only if they changed or a breach came due since.
  const pieces = replacedIn(s.pieces, gone, fresh, s.zone);
  const breachesHold = !opened && breachesChangeAt(s.escalations, s.computedAt) > now;
  const counted = { ...(pieces ? { pieces } : {}), ...(breachesHold ? { escalationPieces: s.escalationPieces } : {}) };
  return summaryOf(s.day, rows, opened?.escalations ?? s.escalations, opened?.drafts ?? s.drafts, now, s.zone, counted);
}

/** Whether one of the periods covers the day whole, so a report reads only its counts, not its rows. */
export function coveredWhole(day: number, { start, previousStart }: PeriodBounds, now: number): boolean {
  const end = day + DAY_MS;
  return (day >= start && end <= now) || (day >= previousStart && end <= start);
}

/**
 * What a report reads of the summaries of [previousStart, now]: the pieces of each day one period
 * covers whole, and the rows of the days a period starts or ends in, counted on the spot.
 */
export function reportPieces(summaries: DaySummary[], bounds: PeriodBounds, now: number): ReportPieces {
  const { start, previousStart } = bounds;
  const parts: ReportPieces = { current: [], previous: [], escalations: [], escalationPieces: { current: [], previous: [] }, drafts: [] };
  for (const s of summaries) {
    if (coveredWhole(s.day, bounds, now)) {
      const period = s.day >= start ? 'current' : 'previous';
      parts[period].push(...s.pieces);
      parts.escalationPieces[period].push(...s.escalationPieces);
    } else {
      parts.current.push(...piecesOf(s.conversations.filter((r) => r.createdAt >= start && r.createdAt < now), s.zone));
      parts.previous.push(...piecesOf(s.conversations.filter((r) => r.createdAt >= previousStart && r.createdAt < start), s.zone));
      for (const e of s.escalations) parts.escalations.push(e);
    }
    for (const d of s.drafts) parts.drafts.push(d);
  }
  return parts;
}
