import type { Decider } from '../../core/ports/decider.js';
import type { Metrics } from '../../core/ports/metrics.js';

/** Counts each decision by action and trigger; signals-only reads (people have the thread) and first looks without the model decide nothing. */
export function countedDecider(decider: Decider, metrics: Metrics): Decider {
  return {
    async decide(input) {
      const decision = await decider.decide(input);
      if (!input.signalsOnly && !input.withoutModel) metrics.decision(decision.action, decision.trigger ?? 'none');
      return decision;
    },
  };
}
