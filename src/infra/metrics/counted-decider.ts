import type { Decider } from '../../core/ports/decider.js';
import type { Metrics } from '../../core/ports/metrics.js';

/** Counts each decision by action and trigger; signals-only reads (people have the thread) decide nothing. */
export function countedDecider(decider: Decider, metrics: Metrics): Decider {
  return {
    async decide(input) {
      const decision = await decider.decide(input);
      if (!input.signalsOnly) metrics.decision(decision.action, decision.trigger ?? 'none');
      return decision;
    },
  };
}
