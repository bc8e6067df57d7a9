import type { TriagePolicy } from '../../config/triage-schema.js';
import type { Level } from '../model/decision.js';
import type { Evidence } from './evidence.js';

/**
 * Can the KB settle this definitively? High when the closest past conversations needed a human (hidden
 * complexity), medium when the evidence is split between topics or only loosely similar, low otherwise.
 */
export function assessComplexity(triage: TriagePolicy, e: Evidence): Level {
  if (e.humanShare >= triage.complex_at) return 'high';
  if (e.humanShare >= triage.complex_at / 2 || e.topicShare < 0.35 || e.best < 0.4) return 'medium';
  return 'low';
}
