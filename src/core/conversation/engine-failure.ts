import type { CoreDeps } from '../deps.js';
import type { Decision } from '../model/decision.js';
import type { DecisionInput } from '../ports/decider.js';

const NEUTRAL = { label: 'neutral', frustration: 0, urgency: 0, distress: 0 } as const;

/**
 * A decider that throws must never leave the customer in silence: the failure becomes an
 * AI-initiated escalation with the usual specialist framing.
 */
export function engineFailure(deps: Pick<CoreDeps, 'policy' | 'log'>, input: DecisionInput, err: unknown): Decision {
  deps.log.error({ err }, 'decider failed; handing over to a specialist');
  return {
    action: 'escalate',
    // Nothing is known about the message: the category the policy uses for unknown ones routes it.
    category: deps.policy.triage.unknown_category,
    risk: 'high',
    trigger: input.humanButton ? 'human_button' : 'engine_error',
    rule: 'the answer engine failed',
    confidence: 0,
    threshold: 1,
    complexity: 'high',
    sentiment: { ...NEUTRAL },
    loop: false,
    reasons: ['engine_error'],
  };
}
