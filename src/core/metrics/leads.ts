import type { Policy } from '../../config/policy-schema.js';

/** Leads see reports, reviews and exports: the ones named at the top of the config and every queue's leads. */
export function isLead(policy: Pick<Policy, 'leads' | 'queues'>, userId: string): boolean {
  return policy.leads.includes(userId) || policy.queues.some((q) => q.leads.includes(userId));
}
