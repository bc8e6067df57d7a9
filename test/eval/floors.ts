import type { Scores } from './scores.js';

/** The floors of issue 7 on the setup of docs/triage.md alone, on the triage-dev set. */
export const FLOORS = {
  accuracy2: 0.9,
  highRecall: 0.98,
  /** At most this share of must-escalate items may be answered outright. */
  maxEscalateAnswered: 0.03,
  macroF1: 0.85,
  loopRecall: 0.9,
  maxLoopFalsePositives: 0.05,
};

export function checkFloors(s: Scores): string[] {
  const f: string[] = [];
  const below = (name: string, v: number, floor: number) => v < floor && f.push(`${name} ${v.toFixed(3)} < ${floor}`);
  const above = (name: string, v: number, ceiling: number) => v > ceiling && f.push(`${name} ${v.toFixed(3)} > ${ceiling}`);
  below('answer vs escalate accuracy', s.accuracy2, FLOORS.accuracy2);
  below('high-risk escalation recall', s.highRecall, FLOORS.highRecall);
  above('must-escalate answered outright', s.escalateAnswered, FLOORS.maxEscalateAnswered);
  below('category macro-F1', s.macroF1, FLOORS.macroF1);
  below('loop recall', s.loopRecall, FLOORS.loopRecall);
  above('loop false positives', s.loopFalsePositives, FLOORS.maxLoopFalsePositives);
  return f;
}
