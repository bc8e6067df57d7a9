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

export function figures(items: RatedOutcome[]): Figures {
  const kinds: Record<MatterKind, number> = { escalated: 0, handled_by_staff: 0, resolved_by_baton: 0, in_progress: 0 };
  const health: Record<EscalationHealth, number> = { healthy: 0, frustrated: 0, direct: 0 };
  let matters = 0, settled = 0, fcr = 0, everResolved = 0, reopened = 0, matured = 0, held = 0;
  let rated = 0, satisfied = 0, sum = 0;
  const clarify: ClarifyCounts = { asked: 0, answered: 0, escalated: 0 };
  for (const { outcome: o, rating, clarify: c } of items) {
    if (c) {
      clarify.asked += c.asked;
      clarify.answered += c.answered;
      clarify.escalated += c.escalated;
    }
    if (rating !== undefined) {
      rated++;
      sum += rating;
      if (rating >= SATISFIED_FROM) satisfied++;
    }
    if (o.kind === 'not_a_matter') continue;
    matters++;
    kinds[o.kind]++;
    if (o.escalation) health[o.escalation.health]++;
    if (o.settled) settled++;
    if (o.fcr) fcr++;
    if (o.resolutions.length > 0) everResolved++;
    if (o.reopened) reopened++;
    if (o.held !== undefined) matured++;
    if (o.held) held++;
  }
  return {
    matters,
    kinds,
    escalationRate: rate(kinds.escalated, matters),
    batonResolutionRate: rate(kinds.resolved_by_baton, matters),
    health,
    settled,
    fcr,
    fcrRate: rate(fcr, settled),
    everResolved,
    reopened,
    reopenRate: rate(reopened, everResolved),
    matured,
    held,
    heldRate: rate(held, matured),
    csat: { rated, satisfied, score: rate(satisfied, rated), average: rated > 0 ? sum / rated : undefined },
    clarify,
  };
}

/** Healthy (AI-initiated) to frustrated (customer escaped after an answer): the primary health indicator. */
export function healthRatio(f: Figures): number | undefined {
  return f.health.frustrated > 0 ? f.health.healthy / f.health.frustrated : undefined;
}
