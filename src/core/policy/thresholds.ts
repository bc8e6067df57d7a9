import type { SentimentLevel, TriagePolicy } from '../../config/triage-schema.js';
import type { RiskTier, SentimentSignal } from '../model/decision.js';
import type { MatrixOutcome } from './trigger-matrix.js';

/** The confidence an autonomous answer must reach: the tier's bar, raised on "attempt" cells. */
export function answerThreshold(triage: TriagePolicy, risk: RiskTier, action: MatrixOutcome['action']): number {
  const base = triage.thresholds[risk];
  return action === 'attempt' ? Math.min(1.01, base + triage.attempt_margin) : base;
}

/** True when no confidence can clear the tier's bar: such questions always go to a person. */
export function neverAutonomous(threshold: number): boolean {
  return threshold > 1;
}

/** The matrix reads tone as one level; the strongest graded signal over its bar wins. */
export function sentimentLevel(triage: TriagePolicy, s: SentimentSignal): SentimentLevel {
  const p = triage.sentiment;
  if (s.distress >= p.distressed_at) return 'distressed';
  if (s.frustration >= p.frustrated_at) return 'frustrated';
  if (s.urgency >= p.urgent_at) return 'urgent';
  return s.label === 'negative' ? 'negative' : 'calm';
}
