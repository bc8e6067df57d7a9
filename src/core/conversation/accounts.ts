import type { AccountPolicy, Policy, QueuePolicy } from '../../config/policy-schema.js';

export function accountForChannel(policy: Policy, channel: string): AccountPolicy | undefined {
  return policy.accounts.find((a) => a.channels.includes(channel));
}

export function accountById(policy: Policy, id: string): AccountPolicy | undefined {
  return policy.accounts.find((a) => a.id === id);
}

export function queueById(policy: Policy, id: string): QueuePolicy | undefined {
  return policy.queues.find((q) => q.id === id);
}
