import type { Policy } from '../config/policy-schema.js';

/** Every channel the policy names (customers', queues', the leads'), as written, with where it is written. */
export function policyChannels(policy: Policy | undefined): { name: string; key: string }[] {
  if (!policy) return [];
  return [
    ...policy.accounts.flatMap((a, i) => a.channels.map((name, j) => ({ name, key: `accounts[${i}].channels[${j}]` }))),
    ...policy.queues.map((q, i) => ({ name: q.channel, key: `queues[${i}].channel` })),
    ...(policy.leads_channel ? [{ name: policy.leads_channel, key: 'leads_channel' }] : []),
  ];
}
