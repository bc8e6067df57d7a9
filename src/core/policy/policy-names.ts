import type { Policy } from '../../config/policy-schema.js';

/**
 * The category and topic names the policy defines: its categories, their topics, and its unknown and
 * smalltalk categories. The only ones a customer reads: an imported helpdesk group or tag ("Initech
 * Dedicated", "initech_renewal") can name the customer it came from.
 */
export function policyNames(policy: Pick<Policy, 'categories' | 'triage'>): Set<string> {
  return new Set([...policy.categories.flatMap((c) => [c.name, ...c.topics.map((t) => t.name)]), policy.triage.unknown_category, ...policy.triage.smalltalk.categories]);
}
