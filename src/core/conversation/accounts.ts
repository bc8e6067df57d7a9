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

/** The board a platform keeps for a queue, for the escalations of its own conversations (the playground's); undefined where it keeps none. */
export type QueueBoards = (queueId: string, platform: string) => string | undefined;

/** Where a queue's packets and alerts about a conversation on `platform` go: that platform's own board for the queue if it keeps one, else the queue's channel. */
export function queueChannel(deps: { policy: Policy; boards?: QueueBoards }, queueId: string, platform: string): string | undefined {
  const queue = queueById(deps.policy, queueId);
  return queue && (deps.boards?.(queue.id, platform) ?? queue.channel);
}
