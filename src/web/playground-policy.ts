import type { Policy } from '../config/policy-schema.js';
import { channelName, parseChannelName } from '../core/model/conversation-ref.js';
import type { Author } from '../core/model/message.js';

/** The person at the keyboard when they play the support team: a specialist who is also a lead. */
export const PLAYGROUND_STAFF: Author & { name: string } = { id: 'web-staff', name: 'Jordan', isExternal: false };

/** The specialist's teammates, to assign escalations to: the assignee claims it, as on Slack. */
export const PLAYGROUND_TEAM: (Author & { name: string })[] = [
  PLAYGROUND_STAFF,
  { id: 'web-staff-riley', name: 'Riley', isExternal: false },
  { id: 'web-staff-casey', name: 'Casey', isExternal: false },
];

/** Two people per account to play the customer with, so "only the customer who asked" can be seen. */
const CUSTOMER_NAMES = ['Alex', 'Sam'];

export interface PlaygroundCustomer extends Author {
  name: string;
}

export function customersOf(accountId: string): PlaygroundCustomer[] {
  return CUSTOMER_NAMES.map((name) => ({ id: `web-${accountId}-${name.toLowerCase()}`, name, isExternal: true }));
}

/** The account's playground room: its own `web:` channel if the policy names one, else `web:<account id>`. */
export function roomOf(account: Policy['accounts'][number]): string {
  const named = account.channels.map(parseChannelName).find((c) => c.platform === 'web');
  return named?.channel ?? account.id;
}

/** Each queue's packets land on its playground board, `web:queue-<id>`, whatever platform the policy names. */
export function queueRoom(queueId: string): string {
  return `queue-${queueId}`;
}

export const LEADS_ROOM = 'leads';

/** The web board of a queue, where the packets of the playground's own conversations land. */
export function queueBoard(queueId: string): string {
  return channelName({ platform: 'web', channel: queueRoom(queueId) });
}

/**
 * The policy the playground runs: the given one, unchanged in every decision (taxonomy, thresholds,
 * routing, copy), with every account reachable from a browser room and the playground's specialist
 * named a lead so the lead's view works. Its conversations' packets land on its own boards (queueBoard,
 * wired as the platform's boards), so beside Slack or Teams their queues keep their channels. Alone,
 * the digest moves to the playground's `leads` room, since no other platform is there to take it.
 */
export function playgroundPolicy(policy: Policy, alone: boolean): Policy {
  return {
    ...policy,
    accounts: policy.accounts.map((a) => ({ ...a, channels: [...new Set([...a.channels, channelName({ platform: 'web', channel: roomOf(a) })])] })),
    leads: [...policy.leads, PLAYGROUND_STAFF.id],
    ...(alone && policy.leads_channel ? { leads_channel: channelName({ platform: 'web', channel: LEADS_ROOM }) } : {}),
  };
}
