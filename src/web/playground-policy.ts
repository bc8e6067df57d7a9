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

/**
 * The policy the playground runs: the given one, unchanged in every decision (taxonomy, thresholds,
 * routing, copy), with every account reachable from a browser room, every queue's channel and the digest
 * moved to the playground, and the playground's specialist named a lead so the lead's view works.
 */
export function playgroundPolicy(policy: Policy): Policy {
  return {
    ...policy,
    accounts: policy.accounts.map((a) => ({ ...a, channels: [...new Set([...a.channels, channelName({ platform: 'web', channel: roomOf(a) })])] })),
    queues: policy.queues.map((q) => ({ ...q, channel: channelName({ platform: 'web', channel: queueRoom(q.id) }) })),
    leads: [...policy.leads, PLAYGROUND_STAFF.id],
    ...(policy.leads_channel ? { leads_channel: channelName({ platform: 'web', channel: LEADS_ROOM }) } : {}),
  };
}
