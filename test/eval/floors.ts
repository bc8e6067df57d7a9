import type { Report } from './metrics.js';

/**
 * The eval fails below these (no-LLM pass over the fixture set). They sit a little under the worst
 * held-out half of the cross-validation (2-class 91.4%, 3-action 88.8%, high-tier recall 96.4%,
 * must-escalate answered 6.9% with the config thresholds), so they guard against regressions without
 * being fitted to the full set; the product aim for high-tier recall (>= 0.98) is higher.
 */
export const FLOORS = {
  accuracy2: 0.9,
  accuracy3: 0.87,
  highTierEscalateRecall: 0.96,
  /** At most this share of must-escalate items may be answered outright. */
  maxEscalateAnswered: 0.075,
};

export function checkFloors(r: Report): string[] {
  const f: string[] = [];
  if (r.accuracy2 < FLOORS.accuracy2) f.push(`2-class accuracy ${r.accuracy2.toFixed(3)} < ${FLOORS.accuracy2}`);
  if (r.accuracy3 < FLOORS.accuracy3) f.push(`3-action accuracy ${r.accuracy3.toFixed(3)} < ${FLOORS.accuracy3}`);
  const high = r.byTier.high?.recall ?? 1;
  if (high < FLOORS.highTierEscalateRecall) f.push(`high-tier escalate recall ${high.toFixed(3)} < ${FLOORS.highTierEscalateRecall}`);
  if (r.escalateAnswered > FLOORS.maxEscalateAnswered) f.push(`must-escalate answered ${r.escalateAnswered.toFixed(3)} > ${FLOORS.maxEscalateAnswered}`);
  return f;
}
