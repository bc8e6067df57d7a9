import type { types } from '@slack/bolt';
import { ACTION } from '../../core/model/actions.js';
import { channelName } from '../../core/model/conversation-ref.js';
import type { HeldMessage, OnboardingView } from '../../core/ports/onboarding.js';
import { LIMITS } from './block-limits.js';
import { channelMention } from './channel-mention.js';
import { clip, escapeMrkdwn, link } from './mrkdwn.js';

type Block = types.KnownBlock;

const REASONS: Record<OnboardingView['reason'], string> = {
  joined: 'Baton was added to',
  shared: 'A new Slack Connect share started in',
  message: 'A customer wrote in',
};

function accountLine(account: NonNullable<OnboardingView['account']>): string {
  const crm = account.crmUrl ? `, ${link(account.crmUrl, 'CRM')}` : '';
  return `*${escapeMrkdwn(account.name)}* (${escapeMrkdwn(account.tier)}${crm})`;
}

function statusText(view: OnboardingView): string {
  const channel = channelMention(view.channel, view.title);
  if (view.status === 'offered' || !view.account) {
    return `${REASONS[view.reason]} ${channel}, a channel no account maps. Map it to an account so Baton can help there. Baton says nothing in it until it is mapped and a lead approves its introduction.`;
  }
  if (view.status === 'mapped') {
    return `${channel} is mapped to ${accountLine(view.account)} by <@${view.mappedBy ?? ''}>. Baton stays quiet there until a lead approves its introduction.`;
  }
  const intro = escapeMrkdwn(view.intro ?? '').replace(/\n/g, '\n>');
  return `${channel} is live for ${accountLine(view.account)}. <@${view.approvedBy ?? ''}> approved the introduction and Baton posted it:\n>${intro}`;
}

function buttons(view: OnboardingView): Block[] {
  const value = channelName(view.channel);
  if (view.status === 'offered') {
    return [{
      type: 'actions',
      elements: [
        { type: 'button', action_id: ACTION.mapChannel, text: { type: 'plain_text', text: 'Map to an existing account' }, style: 'primary', value },
        { type: 'button', action_id: ACTION.newAccount, text: { type: 'plain_text', text: 'Create a new account' }, value },
      ],
    }];
  }
  if (view.status === 'mapped') {
    return [{ type: 'actions', elements: [{ type: 'button', action_id: ACTION.reviewIntro, text: { type: 'plain_text', text: 'Review introduction' }, style: 'primary', value }] }];
  }
  return [];
}

/** The leads' message about a channel: where it stands, and the one next step as buttons. */
export function renderOnboardingMessage(view: OnboardingView): { text: string; blocks: Block[] } {
  const text = clip(statusText(view), LIMITS.sectionText);
  const held: Block[] = view.held > 0 && view.status !== 'live'
    ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: `${view.held} customer message${view.held === 1 ? '' : 's'} arrived meanwhile; Baton left ${view.held === 1 ? 'it' : 'them'} to people. Each is in this thread.` }] }]
    : [];
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }, ...held, ...buttons(view)] };
}

/** A customer message Baton did not answer, as the leads read it in the thread. */
export function renderHeldMessage(message: HeldMessage): string {
  const who = message.authorName ? escapeMrkdwn(message.authorName) : 'A customer';
  const quoted = escapeMrkdwn(message.text).replace(/\n/g, '\n>');
  return clip(`${who} wrote in ${channelMention(message.channel, message.title)}, not answered by Baton (the channel is not live yet):\n>${quoted}`, LIMITS.fallbackText);
}
