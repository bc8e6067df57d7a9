import type { Decision } from '../../core/model/decision.js';
import type { PastTicket } from './history.js';

export interface Thresholds {
  low: number;
  medium: number;
}

export interface Replayed {
  ticket: PastTicket;
  decision: Decision;
}

/** The decision again under other tier thresholds: only the confidence gate moves, every other trigger stays. */
export function regate(d: Decision, t: Thresholds, margin: number): Decision['action'] {
  const gated = d.action === 'answer' || (d.trigger === 'low_confidence' && d.answer !== undefined);
  if (!gated || d.risk === 'high') return d.action;
  const bar = t[d.risk] + (d.matrixAction === 'attempt' ? margin : 0);
  return d.confidence >= bar ? 'answer' : 'escalate';
}

export interface Outcome {
  n: number;
  answered: number;
  /** Of the tickets that needed a person, the share Baton would have handed over. */
  recall: number;
  /** Of the high-risk tickets, the share handed over. */
  highRecall: number;
  /** Of the tickets Baton could have answered, the share it would have answered. */
  answerRecall: number;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

export function outcome(items: readonly Replayed[], t: Thresholds, margin: number): Outcome {
  let answered = 0, must = 0, caught = 0, high = 0, highCaught = 0, could = 0, couldAnswered = 0;
  for (const { ticket, decision } of items) {
    const escalated = regate(decision, t, margin) === 'escalate';
    if (!escalated) answered++;
    if (ticket.mustEscalate) {
      must++;
      if (escalated) caught++;
    } else {
      could++;
      if (!escalated) couldAnswered++;
    }
    if (ticket.tier === 'high') {
      high++;
      if (escalated) highCaught++;
    }
  }
  return { n: items.length, answered, recall: ratio(caught, must), highRecall: ratio(highCaught, high), answerRecall: ratio(couldAnswered, could) };
}

const GRID = Array.from({ length: 21 }, (_, i) => i / 20);

/** The worst recall, over the folds, of the high-risk tickets and of all tickets that needed a person. */
function worstRecall(byFold: readonly (readonly Replayed[])[], t: Thresholds, margin: number): number {
  return Math.min(...byFold.map((items) => {
    const o = outcome(items, t, margin);
    return Math.min(o.recall, o.highRecall);
  }));
}

/**
 * The lowest bars that hand over `target` of the high-risk tickets and of all tickets that needed a
 * person in every fold, not just on average (a bar that meets it only on the pooled tickets is luck):
 * every pair on a 0.05 grid is tried, and of those meeting the target the one answering the most
 * answerable tickets wins (ties: the higher bars). When none meets it, the pair coming closest.
 */
export function fitThresholds(items: readonly Replayed[], target: number, margin: number): Thresholds & { meets: boolean; recall: number } {
  const folds = [...new Set(items.map((r) => r.ticket.fold))].map((k) => items.filter((r) => r.ticket.fold === k));
  let best: { t: Thresholds; meets: boolean; recall: number; answered: number } | undefined;
  for (const low of GRID) {
    for (const medium of GRID) {
      const t = { low, medium };
      const recall = worstRecall(folds, t, margin);
      const cand = { t, meets: recall >= target, recall, answered: outcome(items, t, margin).answerRecall };
      const better = !best || (cand.meets && !best.meets) || (cand.meets === best.meets && (cand.meets ? cand.answered >= best.answered : cand.recall >= best.recall));
      if (better) best = cand;
    }
  }
  return { ...best!.t, meets: best!.meets, recall: best!.recall };
}

/**
 * What must be said loudly of suggested bars: that none met the target (the pair is only the closest),
 * or that they would answer none, or every one, of the replayed tickets.
 */
export function fitWarnings(items: readonly Replayed[], fit: Thresholds & { meets: boolean; recall: number }, target: number, margin: number): string[] {
  const out: string[] = [];
  if (!fit.meets) out.push(`WARNING: no thresholds hand over ${target} of the tickets that needed a person in every fold (the closest found hands over ${fit.recall.toFixed(2)}). These are not safe bars: add knowledge or topics, or lower --target knowingly.`);
  for (const tier of ['low', 'medium'] as const) {
    if (fit[tier] <= 0) out.push(`WARNING: the ${tier} bar is 0.00: confidence would never hand a ${tier}-risk question to a person; only the other triggers would.`);
    if (fit[tier] >= 1) out.push(`WARNING: the ${tier} bar is 1.00: no ${tier}-risk question would ever be answered.`);
  }
  const { answered, n } = outcome(items, fit, margin);
  if (answered === 0) out.push(`WARNING: these thresholds answer none of the ${n} replayed tickets: every question would go to a person.`);
  else if (answered === n) out.push(`WARNING: these thresholds answer all ${n} replayed tickets: nothing would go to a person on confidence.`);
  return out;
}

export interface FoldCheck {
  fold: number;
  fitted: Thresholds;
  heldOut: Outcome;
}

/** Fits on every fold but one and checks on that one: what the suggested bars will do on tickets they never saw. */
export function crossValidate(items: readonly Replayed[], folds: number, target: number, margin: number): FoldCheck[] {
  return Array.from({ length: folds }, (_, k) => {
    const fitted = fitThresholds(items.filter((r) => r.ticket.fold !== k), target, margin);
    return { fold: k, fitted, heldOut: outcome(items.filter((r) => r.ticket.fold === k), fitted, margin) };
  });
}
