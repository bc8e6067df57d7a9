import type { CsatRecord } from '../ports/csat-store.js';
import type { ConversationFacts, EscalationFacts } from './facts.js';
import { figures, type Figures, type RatedOutcome } from './figures.js';
import { classifyConversation, type ConversationOutcome, type OutcomeRules } from './outcomes.js';
import { percentile } from './percentile.js';

export const REPORT_DAYS = [7, 30, 90] as const;
export type ReportDays = (typeof REPORT_DAYS)[number];

export interface ReportRequest {
  days: ReportDays;
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
  resolveP50?: number;
  resolveP90?: number;
  /** Escalations not claimed by the time promised to the customer. */
  breaches: number;
}

export interface SeriesPoint {
  start: number;
  escalationRate?: number;
  csatScore?: number;
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
  series: SeriesPoint[];
}

/** Facts covering the current and the previous period (the stores are asked for both at once). */
export interface ReportInput {
  conversations: ConversationFacts[];
  escalations: EscalationFacts[];
  csat: CsatRecord[];
}

const DAY = 24 * 60 * 60 * 1000;

interface Classified extends RatedOutcome {
  createdAt: number;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function classifyAll(input: ReportInput, now: number, rules: OutcomeRules, category?: string): Classified[] {
  const byConversation = groupBy(input.escalations, (e) => e.conversationKey);
  const ratings = new Map<string, number>();
  for (const r of input.csat) if (r.rating !== undefined) ratings.set(r.conversationKey, r.rating);
  const out: Classified[] = [];
  for (const c of input.conversations) {
    const outcome: ConversationOutcome = classifyConversation(c, byConversation.get(c.key) ?? [], now, rules);
    if (category && outcome.category !== category) continue;
    out.push({ outcome, rating: ratings.get(c.key), createdAt: c.createdAt });
  }
  return out;
}

function isBreach(e: EscalationFacts, now: number): boolean {
  return e.breachedAt !== undefined || (e.claimedAt ?? now) > e.dueAt;
}

function queueRows(escalations: EscalationFacts[], now: number): QueueRow[] {
  return [...groupBy(escalations, (e) => e.queueId).entries()].sort(([a], [b]) => a.localeCompare(b)).map(([queueId, list]) => {
    const claim = list.flatMap((e) => (e.claimedAt !== undefined ? [e.claimedAt - e.openedAt] : []));
    const resolve = list.flatMap((e) => (e.resolvedAt !== undefined ? [e.resolvedAt - e.openedAt] : []));
    return {
      queueId,
      escalations: list.length,
      claimP50: percentile(claim, 50),
      claimP90: percentile(claim, 90),
      resolveP50: percentile(resolve, 50),
      resolveP90: percentile(resolve, 90),
      breaches: list.filter((e) => isBreach(e, now)).length,
    };
  });
}

function series(items: Classified[], start: number, days: number): SeriesPoint[] {
  const step = days > 30 ? 7 * DAY : DAY;
  const points: SeriesPoint[] = [];
  for (let t = start; t < start + days * DAY; t += step) {
    const f = figures(items.filter((i) => i.createdAt >= t && i.createdAt < t + step));
    points.push({ start: t, escalationRate: f.escalationRate, csatScore: f.csat.score });
  }
  return points;
}

/** Builds the report for the `days` before `now`, with the period before it for the trend. Pure. */
export function buildReport(input: ReportInput, request: ReportRequest, now: number, rules: OutcomeRules): ReportView {
  const start = now - request.days * DAY;
  const previousStart = start - request.days * DAY;
  const all = classifyAll(input, now, rules, request.category);
  const current = all.filter((i) => i.createdAt >= start && i.createdAt < now);
  const previous = all.filter((i) => i.createdAt >= previousStart && i.createdAt < start);
  const inCategory = (e: EscalationFacts) => !request.category || e.category === request.category;
  const escalationsIn = (from: number, to: number) => input.escalations.filter((e) => e.openedAt >= from && e.openedAt < to && inCategory(e));
  const categories = groupBy(current, (i) => i.outcome.category);
  return {
    request,
    start,
    end: now,
    current: figures(current),
    previous: figures(previous),
    breaches: {
      current: escalationsIn(start, now).filter((e) => isBreach(e, now)).length,
      previous: escalationsIn(previousStart, start).filter((e) => isBreach(e, now)).length,
    },
    categories: [...categories.entries()]
      .map(([category, items]) => ({ category, figures: figures(items) }))
      .filter((r) => r.figures.matters > 0)
      .sort((a, b) => b.figures.matters - a.figures.matters),
    queues: queueRows(escalationsIn(start, now), now),
    series: series(current, start, request.days),
  };
}
