import type { AnswerMode, Policy } from '../../config/policy-schema.js';
import { accountForChannel } from '../conversation/accounts.js';
import type { Conversation } from '../conversation/conversation.js';
import type { CoreDeps } from '../deps.js';
import { channelName, type ChannelRef } from '../model/conversation-ref.js';
import { findAccount } from '../onboarding/channel-directory.js';

/** How Baton answers in this channel: the channel's own mode if the account names one, else the account's. */
export function answerMode(policy: Policy, ref: ChannelRef): AnswerMode {
  const account = accountForChannel(policy, ref);
  if (!account) return 'autopilot';
  return account.channel_modes[channelName(ref)] ?? account.mode;
}

/** A conversation's mode: as above in a channel the policy lists; in one a lead mapped in chat, its account's. */
export async function conversationMode(deps: Pick<CoreDeps, 'policy' | 'onboarding'>, conversation: Pick<Conversation, 'ref' | 'accountId'>): Promise<AnswerMode> {
  if (accountForChannel(deps.policy, conversation.ref)) return answerMode(deps.policy, conversation.ref);
  return (await findAccount(deps, conversation.accountId))?.mode ?? 'autopilot';
}
