import type { TriagePolicy } from '../../src/config/triage-schema.js';
import type { Decision } from '../../src/core/model/decision.js';
import { asAction3, type Decided } from './decide-all.js';
import { score, type Report, type Scored } from './metrics.js';

interface Thresholds {
  low: number;
  medium: number;
}

/** Stable half of an item: the same id always lands in the same half. */
function half(id: string): 0 | 1 {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return ((h >>> 0) % 2) as 0 | 1;
}

/** The decision again under other tier thresholds: only the confidence gate moves, every trigger stays. */
function regate(d: Decision, t: Thresholds, margin: number): Decision['action'] {
  const gated = d.action === 'answer' || d.trigger === 'low_confidence';
  if (!gated || d.risk === 'high' || !d.answer) return d.action;
  const bar = t[d.risk] + (d.matrixAction === 'attempt' ? margin : 0);
  return d.confidence >= bar ? 'answer' : 'escalate';
}

function scoreWith(items: Decided[], t: Thresholds, margin: number): Report {
  const scored: Scored[] = items.map(({ decision, scored }) => ({ ...scored, predicted: asAction3({ action: regate(decision, t, margin), risk: decision.risk }) }));
  return score(scored);
}

/** Fits the low and medium thresholds on one half: best 2-class accuracy while high-tier recall stays >= 0.98. */
function fit(items: Decided[], margin: number): Thresholds {
  let best = { t: { low: 0.45, medium: 0.6 }, acc: -1 };
  for (let low = 0.2; low <= 0.9; low += 0.05) {
    for (let medium = 0.3; medium <= 0.95; medium += 0.05) {
      const r = scoreWith(items, { low, medium }, margin);
      if ((r.byTier.high?.recall ?? 1) >= 0.98 && r.accuracy2 > best.acc) best = { t: { low, medium }, acc: r.accuracy2 };
    }
  }
  return best.t;
}

export interface CrossValidation {
  config: Thresholds;
  halves: { name: string; fitted: Thresholds; onOwn: Report; onOther: Report; configOnOther: Report }[];
}

export function crossValidate(decided: Decided[], triage: TriagePolicy): CrossValidation {
  const parts = [decided.filter((d) => half(d.item.id) === 0), decided.filter((d) => half(d.item.id) === 1)];
  const config = { low: triage.thresholds.low, medium: triage.thresholds.medium };
  const halves = [0, 1].map((i) => {
    const own = parts[i]!;
    const other = parts[1 - i]!;
    const fitted = fit(own, triage.attempt_margin);
    return {
      name: `fit on half ${'AB'[i]} (${own.length}), check on half ${'AB'[1 - i]} (${other.length})`,
      fitted,
      onOwn: scoreWith(own, fitted, triage.attempt_margin),
      onOther: scoreWith(other, fitted, triage.attempt_margin),
      configOnOther: scoreWith(other, config, triage.attempt_margin),
    };
  });
  return { config, halves };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const brief = (r: Report) => `2-class ${pct(r.accuracy2)}, 3-action ${pct(r.accuracy3)}, high-tier recall ${pct(r.byTier.high?.recall ?? 1)}, must-escalate answered ${pct(r.escalateAnswered)}`;

export function formatCrossValidation(cv: CrossValidation): string {
  return [
    `== cross-validation of the tier thresholds (config: low ${cv.config.low}, medium ${cv.config.medium})`,
    ...cv.halves.flatMap((h) => [
      `${h.name}: fitted low ${h.fitted.low.toFixed(2)}, medium ${h.fitted.medium.toFixed(2)}`,
      `  on the fitting half: ${brief(h.onOwn)}`,
      `  on the held-out half: ${brief(h.onOther)}`,
      `  config thresholds on the held-out half: ${brief(h.configOnOther)}`,
    ]),
  ].join('\n');
}
