import type { AccountPolicy, Policy, QueuePolicy } from '../../config/policy-schema.js';
import { channelName, type ChannelRef } from '../model/conversation-ref.js';

/** The account whose shared channel this is, on whichever platform; none for any other channel. */
export function accountForChannel(policy: Policy, ref: ChannelRef): AccountPolicy | undefined {
  const name = channelName(ref);
  return policy.accounts.find((a) => a.channels.includes(name));
}

export function accountById(policy: Policy, id: string): AccountPolicy | undefined {
  return policy.accounts.find((a) => a.id === id);
}

export function queueById(policy: Policy, id: string): QueuePolicy | undefined {
  return policy.queues.find((q) => q.id === id);
}
