import type { Policy, QueuePolicy } from '../../config/policy-schema.js';
import { BatonError } from '../errors/error-catalogue.js';

export interface RoutingInput {
  category: string;
  accountTier: string;
  page?: string;
  initiator: 'ai' | 'customer';
}

export interface Route {
  queue: QueuePolicy;
  /** Index of the rule that matched, or null for the default queue. */
  rule: number | null;
}

/** First matching rule wins; every condition a rule states must hold. */
export function routeEscalation(policy: Pick<Policy, 'routing' | 'queues'>, input: RoutingInput): Route {
  const index = policy.routing.rules.findIndex(({ when }) => {
    if (when.categories && !when.categories.includes(input.category)) return false;
    if (when.tiers && !when.tiers.includes(input.accountTier)) return false;
    if (when.page && !(input.page ?? '').includes(when.page)) return false;
    if (when.initiator && when.initiator !== input.initiator) return false;
    return true;
  });
  const queueId = index >= 0 ? policy.routing.rules[index]!.queue : policy.routing.default_queue;
  const queue = policy.queues.find((q) => q.id === queueId);
  // The config schema checks every referenced queue exists, so a miss here is a bug.
  if (!queue) throw new BatonError('BATON_QUEUE_MISSING', `queue "${queueId}" is not configured`);
  return { queue, rule: index >= 0 ? index : null };
}
