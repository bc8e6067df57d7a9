import type { ClarifyCounts } from './facts.js';
import type { ConversationOutcome, EscalationHealth, OutcomeKind } from './outcomes.js';

export type MatterKind = Exclude<OutcomeKind, 'not_a_matter'>;

/** The headline numbers for one set of conversations. A rate is undefined when its denominator is zero. */
export interface Figures {
  /** Conversations that were about something (not smalltalk only): the denominator of the kind rates. */
  matters: number;
  kinds: Record<MatterKind, number>;
  escalationRate?: number;
  batonResolutionRate?: number;
  health: Record<EscalationHealth, number>;
  /** Settled resolutions, and of those the ones never reopened (first contact resolution). */
  settled: number;
  fcr: number;
  fcrRate?: number;
  /** Conversations resolved at least once, and of those the ones the customer came back to. */
  everResolved: number;
  reopened: number;
  reopenRate?: number;
  /** Resolutions old enough to judge, and of those the ones that held. */
  matured: number;
  held: number;
  heldRate?: number;
  csat: { rated: number; satisfied: number; score?: number; average?: number };
  /** Clarifying questions asked, and how many the decision after the customer's reply answered or escalated. */
  clarify: ClarifyCounts;
}

/** What the figures count of an outcome: a fresh one, or the row a stored day summary keeps of it. */
export type CountedOutcome = Omit<ConversationOutcome, 'escalation' | 'changesAt'> & { escalation?: { health: EscalationHealth } };

export interface RatedOutcome {
  outcome: CountedOutcome;
  /** 1..5 when the customer rated the conversation. */
  rating?: number;
  clarify?: ClarifyCounts;
}

/** CSAT counts the share of ratings of 4 or 5 (the usual top-two-box score). */
export const SATISFIED_FROM = 4;

const rate = (n: number, d: number) => (d > 0 ? n / d : undefined);

/**
 * The counts behind Figures, which add up: a day summary keeps them per category, platform and day,
 * so a report sums a few thousand of them instead of counting a million conversations again.
 */
export interface Tally {
  matters: number;
  kinds: Record<MatterKind, number>;
  health: Record<EscalationHealth, number>;
  settled: number;
  fcr: number;
  everResolved: number;
  reopened: number;
  matured: number;
  held: number;
  rated: number;
  satisfied: number;
  ratingSum: number;
  clarify: ClarifyCounts;
}

export function emptyTally(): Tally {
  return {
    matters: 0, kinds: { escalated: 0, handled_by_staff: 0, resolved_by_baton: 0, in_progress: 0 }, health: { healthy: 0, frustrated: 0, direct: 0 },
    settled: 0, fcr: 0, everResolved: 0, reopened: 0, matured: 0, held: 0, rated: 0, satisfied: 0, ratingSum: 0, clarify: { asked: 0, answered: 0, escalated: 0 },
  };
}

/** Counts one conversation into `t`. */
export function count(t: Tally, { outcome: o, rating, clarify: c }: RatedOutcome): void {
  if (c) {
    t.clarify.asked += c.asked;
    t.clarify.answered += c.answered;
    t.clarify.escalated += c.escalated;
  }
  if (rating !== undefined) {
    t.rated++;
    t.ratingSum += rating;
    if (rating >= SATISFIED_FROM) t.satisfied++;
  }
  if (o.kind === 'not_a_matter') return;
  t.matters++;
  t.kinds[o.kind]++;
  if (o.escalation) t.health[o.escalation.health]++;
  if (o.settled) t.settled++;
  if (o.fcr) t.fcr++;
  if (o.resolutions.length > 0) t.everResolved++;
  if (o.reopened) t.reopened++;
  if (o.held !== undefined) t.matured++;
  if (o.held) t.held++;
}

/** Adds `from` into `into`; with a sign of -1, takes it out (the counts are sums, so that is exact). */
export function addTally(into: Tally, from: Tally, sign: 1 | -1 = 1): void {
  for (const k of ['matters', 'settled', 'fcr', 'everResolved', 'reopened', 'matured', 'held', 'rated', 'satisfied', 'ratingSum'] as const) into[k] += sign * from[k];
  for (const k of Object.keys(into.kinds) as MatterKind[]) into.kinds[k] += sign * from.kinds[k];
  for (const k of Object.keys(into.health) as EscalationHealth[]) into.health[k] += sign * from.health[k];
  for (const k of Object.keys(into.clarify) as (keyof ClarifyCounts)[]) into.clarify[k] += sign * from.clarify[k];
}

export function figuresOf(t: Tally): Figures {
  const { matters, kinds, health, settled, fcr, everResolved, reopened, matured, held, rated, satisfied, ratingSum } = t;
  return {
    matters,
    kinds: { ...kinds },
    escalationRate: rate(kinds.escalated, matters),
    batonResolutionRate: rate(kinds.resolved_by_baton, matters),
    health: { ...health },
    settled,
    fcr,
    fcrRate: rate(fcr, settled),
    everResolved,
    reopened,
    reopenRate: rate(reopened, everResolved),
    matured,
    held,
    heldRate: rate(held, matured),
    csat: { rated, satisfied, score: rate(satisfied, rated), average: rated > 0 ? ratingSum / rated : undefined },
    clarify: { ...t.clarify },
  };
}

export function figures(items: RatedOutcome[]): Figures {
  const t = emptyTally();
  for (const item of items) count(t, item);
  return figuresOf(t);
}

/** Healthy (AI-initiated) to frustrated (customer escaped after an answer): the primary health indicator. */
export function healthRatio(f: Figures): number | undefined {
  return f.health.frustrated > 0 ? f.health.healthy / f.health.frustrated : undefined;
}
