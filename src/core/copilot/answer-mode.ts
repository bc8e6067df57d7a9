import type { AnswerMode, Policy } from '../../config/policy-schema.js';
import { accountForChannel } from '../conversation/accounts.js';
import { channelName, type ChannelRef } from '../model/conversation-ref.js';

/** How Baton answers in this channel: the channel's own mode if the account names one, else the account's. */
export function answerMode(policy: Policy, ref: ChannelRef): AnswerMode {
  const account = accountForChannel(policy, ref);
  if (!account) return 'autopilot';
  return account.channel_modes[channelName(ref)] ?? account.mode;
}
