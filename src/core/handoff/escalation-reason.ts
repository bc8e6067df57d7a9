import type { Decision, PacketTrigger } from '../model/decision.js';
import { pct } from '../metrics/percent.js';

const TRIGGER_TEXT: Record<PacketTrigger, string> = {
  human_button: 'The customer pressed "Talk to a person".',
  human_phrase: 'The customer asked for a person.',
  high_risk: 'High-risk topic: Baton does not answer these alone.',
  low_confidence: 'Baton was not confident enough in an answer for this risk tier.',
  sentiment: 'The customer sounds frustrated or urgent.',
  loop: 'The customer asked the same thing again after Baton\u2019s answers.',
  complexity: 'The question looks like ones that needed a specialist before.',
  engine_error: 'Baton could not draft an answer (the answer engine failed).',
  guarded: 'Baton had an answer, but its last check kept it from the customer.',
  copilot: 'Copilot mode: Baton would have answered this; its draft waits for a specialist to send, edit or discard it.',
};

/** Short names for reports, where the sentence above would not fit a row. */
export const TRIGGER_LABELS: Record<PacketTrigger, string> = {
  human_button: 'Talk to a person button',
  human_phrase: 'Asked for a person',
  high_risk: 'High-risk topic',
  low_confidence: 'Low confidence',
  sentiment: 'Frustrated or urgent',
  loop: 'Asked again (loop)',
  complexity: 'Complex question',
  engine_error: 'Answer engine failed',
  guarded: 'Answer stopped by the guard',
  copilot: 'Copilot draft',
};

export function describeTrigger(trigger: PacketTrigger, decision: Decision): string {
  return `${TRIGGER_TEXT[trigger]} Rule: ${decision.rule}.`;
}

/** The signals behind a decision, as short label/value pairs for the packet. */
export function signalLines(d: Decision): { label: string; value: string }[] {
  const mood = [
    d.sentiment.frustration >= 0.5 ? `frustration ${pct(d.sentiment.frustration)}` : '',
    d.sentiment.urgency >= 0.5 ? `urgency ${pct(d.sentiment.urgency)}` : '',
    d.sentiment.distress >= 0.5 ? `distress ${pct(d.sentiment.distress)}` : '',
  ].filter(Boolean);
  return [
    { label: 'Category', value: `${d.category} (${d.risk} risk)` },
    { label: 'Confidence', value: d.threshold > 0 ? `${pct(d.confidence)} (needs ${pct(Math.min(d.threshold, 1))})` : 'not assessed: handed over before any answer was drafted' },
    { label: 'Complexity', value: d.complexity },
    { label: 'Sentiment', value: mood.length ? `${d.sentiment.label}: ${mood.join(', ')}` : d.sentiment.label },
    { label: 'Loop', value: d.loop ? 'yes, the same question again' : 'no' },
  ];
}
