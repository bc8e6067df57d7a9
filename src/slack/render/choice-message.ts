import type { types } from '@slack/bolt';
import { ACTION } from '../../core/model/actions.js';
import type { CustomerMessage } from '../../core/ports/chat-gateway.js';
import { LIMITS } from './block-limits.js';
import type { SlackMessage } from './slack-message.js';
import { clip, escapeMrkdwn } from './mrkdwn.js';

type Choice = Extract<CustomerMessage, { kind: 'choice' }>;

/** The button for option `option` of the conversation's clarifying question `ask`; the listener matches the family. */
export const clarifyActionId = (ask: number, option: number) => `${ACTION.clarify}.${ask}.${option}`;
export const CLARIFY_ACTION_PATTERN = new RegExp(`^${ACTION.clarify.replace('.', '\\.')}\\.(\\d{1,3})\\.(\\d)$`);

/** A clarifying question: one button per reading, then the way to a person. The value is the conversation only. */
export function renderChoice(message: Choice): SlackMessage {
  const { conversationKey, ask } = message.choose;
  const buttons: types.Button[] = message.options.map((label, i) => ({
    type: 'button',
    action_id: clarifyActionId(ask, i),
    text: { type: 'plain_text', text: clip(label, LIMITS.buttonText) },
    value: conversationKey,
  }));
  buttons.push({ type: 'button', action_id: ACTION.talkToHuman, text: { type: 'plain_text', text: clip(message.other.label, LIMITS.buttonText) }, value: message.other.conversationKey });
  return {
    text: clip(`${message.text} ${message.options.join(' / ')}`, LIMITS.fallbackText),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: clip(escapeMrkdwn(message.text), LIMITS.sectionText) } },
      { type: 'actions', elements: buttons },
    ],
  };
}
