import { DateTime } from 'luxon';
import { draftFigures, draftTally, type DraftFigures, type DraftTally } from '../copilot/draft-figures.js';
import { escalationPiecesOf, type EscalationPiece } from './escalation-pieces.js';
import { figuresOf, type Figures } from './figures.js';
import { classifyRows, groupBy, type EscalationRow, type ReportInput, type ReportRows } from './outcome-rows.js';
import { piecesOf, sumOf, type Piece } from './pieces.js';
import type { OutcomeRules } from './outcomes.js';
import { percentiles } from './percentile.js';
import { platformRows, type PlatformRow } from './platform-rows.js';
import { periodBounds } from './report-period.js';
import type { FeedbackFigures } from '../feedback/feedback-figures.js';
import type { GapGroup } from '../feedback/gap-groups.js';
import type { TriggerType } from '../model/decision.js';

export const REPORT_DAYS = [7, 30, 90] as const;
export type ReportDays = (typeof REPORT_DAYS)[number];

export interface ReportRequest {
  /** The rolling period; a quarter report keeps 90 here for whatever sizes itself by days. */
  days: ReportDays;
  /** The calendar quarter so far instead of the rolling `days`. */
  quarter?: boolean;
  category?: string;
}

export interface CategoryRow {
  category: string;
  figures: Figures;
}

export interface QueueRow {
  queueId: string;
  escalations: number;
  claimP50?: number;
  claimP90?: number;
  /** Opening to a person's first words to the customer (a relayed reply or one in the thread). */
  firstResponseP50?: number;
  firstResponseP90?: number;
  resolveP50?: number;
  resolveP90?: number;
  /** Escalations not claimed by the time promised to the customer. */
  breaches: number;
}

export interface SeriesPoint {
  start: number;
  /** The calendar day the point starts on, in the report's zone: `2026-12-07`. */
  day: string;
  escalationRate?: number;
  csatScore?: number;
  fcrRate?: number;
  /** Healthy escalations as a share of healthy plus frustrated: the healthy : frustrated ratio on a 0-1 axis. */
  healthyShare?: number;
}

export interface TriggerRow {
  trigger: TriggerType;
  escalations: number;
  previous: number;
}

/** A report as a channel-neutral view: Slack renders it to blocks and a chart, the CLI could print it. */
export interface ReportView {
  request: ReportRequest;
  start: number;
  end: number;
  current: Figures;
  previous: Figures;
  breaches: { current: number; previous: number };
  categories: CategoryRow[];
  queues: QueueRow[];
  /** Escalations by what triggered them, most frequent first. */
  triggers: TriggerRow[];
  /** Copilot drafts offered in the period (by category too), and the period before's for the trend. */
  drafts: DraftFigures & { previous: DraftTally };
  /** The period's figures per platform the customers wrote on (Slack, Teams, the playground). */
  platforms: PlatformRow[];
  series: SeriesPoint[];
  /** How long a resolution must see no comeback to count as held (`outcomes.held_days`). */
  heldDays: number;
  /** Helpful / Not helpful on the period's answers; absent where no feedback log is read. */
  feedback?: FeedbackFigures;
  /** The weekly digest only: what Baton could not answer, by topic. */
  gaps?: GapGroup[];
}

const DAY = 24 * 60 * 60 * 1000;

/** The queue rows from the period's escalations counted in pieces: each queue's times gathered, then their percentiles. */
function queueRows(pieces: EscalationPiece[]): QueueRow[] {
  return [...groupBy(pieces, (p) => p.queueId).entries()].sort(([a], [b]) => a.localeCompare(b)).map(([queueId, list]) => {
    const claim: number[] = [], firstResponse: number[] = [], resolve: number[] = [];
    let escalations = 0, breaches = 0;
    for (const p of list) {
      escalations += p.count;
      breaches += p.breaches;
      for (const t of p.claim) claim.push(t);
      for (const t of p.firstResponse) firstResponse.push(t);
      for (const t of p.resolve) resolve.push(t);
    }
    const [c, f, r] = [claim, firstResponse, resolve].map((times) => percentiles(times, [50, 90] as const));
    return {
      queueId,
      escalations,
      claimP50: c![50],
      claimP90: c![90],
      firstResponseP50: f![50],
      firstResponseP90: f![90],
      resolveP50: r![50],
      resolveP90: r![90],
      breaches,
    };
  });
}

function countBy(pieces: EscalationPiece[]): Map<TriggerType, number> {
  const counts = new Map<TriggerType, number>();
  for (const p of pieces) counts.set(p.trigger, (counts.get(p.trigger) ?? 0) + p.count);
  return counts;
}

function triggerRows(current: EscalationPiece[], previous: EscalationPiece[]): TriggerRow[] {
  const before = countBy(previous);
  return [...countBy(current).entries()]
    .map(([trigger, escalations]) => ({ trigger, escalations, previous: before.get(trigger) ?? 0 }))
    .sort((a, b) => b.escalations - a.escalations || a.trigger.localeCompare(b.trigger));
}

function point(start: DateTime, bucket: Piece[]): SeriesPoint {
  const f = figuresOf(sumOf(bucket));
  const judged = f.health.healthy + f.health.frustrated;
  return {
    start: start.toMillis(),
    day: start.toISODate()!,
    escalationRate: f.escalationRate,
    csatScore: f.csat.score,
    fcrRate: f.fcrRate,
    healthyShare: judged > 0 ? f.health.healthy / judged : undefined,
  };
}

/**
 * The chart's steps: the calendar days (in `zone`, through DST changes) from the one holding `start` to
 * today, so today's conversations plot under today's date; past 30 days, weeks ending today (the first
 * may be shorter).
 */
function steps(start: number, end: number, zone: string): DateTime[] {
  const today = DateTime.fromMillis(Math.max(end - 1, start), { zone }).startOf('day');
  const days: DateTime[] = [];
  for (let d = DateTime.fromMillis(start, { zone }).startOf('day'); d <= today; d = d.plus({ days: 1 })) days.push(d);
  if (end - start <= 30 * DAY) return days;
  return days.filter((_, i) => i === 0 || (days.length - i) % 7 === 0);
}

/** The last step starting at or before `t` (binary search over the sorted starts). */
function stepHolding(starts: number[], t: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Pieces were counted by calendar day in `zone`, and every step starts on one, so each piece falls in one step. */
function series(pieces: Piece[], start: number, end: number, zone: string): SeriesPoint[] {
  const starts = steps(start, end, zone);
  const at = starts.map((d) => d.toMillis());
  const buckets: Piece[][] = starts.map(() => []);
  for (const p of pieces) if (p.day >= at[0]!) buckets[stepHolding(at, p.day)]!.push(p);
  return buckets.map((bucket, n) => point(starts[n]!, bucket));
}

/**
 * Builds the report for the `days` before `now`, with the period before it for the trend; the chart's
 * days are calendar days in `zone` (the policy's `digest.timezone`). Pure.
 */
export function buildReport(input: ReportInput, request: ReportRequest, now: number, rules: OutcomeRules, zone = 'UTC'): ReportView {
  return reportFromRows({ conversations: classifyRows(input, now, rules), escalations: input.escalations, drafts: input.drafts ?? [] }, request, now, rules, zone);
}

/** The same report from rows already classified as of `now` (fresh, or from stored day summaries). Pure. */
export function reportFromRows(rows: ReportRows, request: ReportRequest, now: number, rules: OutcomeRules, zone = 'UTC'): ReportView {
  const { start, previousStart } = periodBounds(request, now);
  const current = rows.conversations.filter((i) => i.createdAt >= start && i.createdAt < now);
  const previous = rows.conversations.filter((i) => i.createdAt >= previousStart && i.createdAt < start);
  const parts = { current: piecesOf(current, zone), previous: piecesOf(previous, zone), escalations: rows.escalations, escalationPieces: { current: [], previous: [] }, drafts: rows.drafts ?? [] };
  return reportFromPieces(parts, request, now, rules, zone);
}

/** What a report counts: the period's and the previous period's conversations and escalations counted in pieces, and the rows of the rest. */
export interface ReportPieces {
  current: Piece[];
  previous: Piece[];
  /** Escalations of the days no piece covers: each is counted in the period it was opened in, if any. */
  escalations: EscalationRow[];
  escalationPieces: { current: EscalationPiece[]; previous: EscalationPiece[] };
  drafts: NonNullable<ReportRows['drafts']>;
}

/** The report from conversations counted by day in `zone` (see pieces.ts). Pure. */
export function reportFromPieces(parts: ReportPieces, request: ReportRequest, now: number, rules: OutcomeRules, zone: string): ReportView {
  const { start, previousStart } = periodBounds(request, now);
  const inCategory = (x: { category: string }) => !request.category || x.category === request.category;
  const current = parts.current.filter(inCategory);
  const previous = parts.previous.filter(inCategory);
  // One pass over the escalations of both periods not counted yet.
  const escalations: EscalationRow[] = [], escalationsBefore: EscalationRow[] = [];
  for (const e of parts.escalations) {
    if (!inCategory(e)) continue;
    if (e.openedAt >= start && e.openedAt < now) escalations.push(e);
    else if (e.openedAt >= previousStart && e.openedAt < start) escalationsBefore.push(e);
  }
  const counted = [...escalationPiecesOf(escalations, now), ...parts.escalationPieces.current.filter(inCategory)];
  const countedBefore = [...escalationPiecesOf(escalationsBefore, now), ...parts.escalationPieces.previous.filter(inCategory)];
  const breaches = (pieces: EscalationPiece[]) => pieces.reduce((n, p) => n + p.breaches, 0);
  const drafts = parts.drafts.filter(inCategory);
  return {
    request,
    start,
    end: now,
    current: figuresOf(sumOf(current)),
    previous: figuresOf(sumOf(previous)),
    breaches: { current: breaches(counted), previous: breaches(countedBefore) },
    categories: [...groupBy(current, (p) => p.category).entries()]
      .map(([category, pieces]) => ({ category, figures: figuresOf(sumOf(pieces)) }))
      .filter((r) => r.figures.matters > 0)
      .sort((a, b) => b.figures.matters - a.figures.matters),
    queues: queueRows(counted),
    triggers: triggerRows(counted, countedBefore),
    drafts: { ...draftFigures(drafts, start, now), previous: draftTally(drafts, previousStart, start) },
    platforms: platformRows(current),
    series: series(current, start, now, zone),
    heldDays: Math.round(rules.heldMs / DAY),
  };
}
