import type { Activity } from '@microsoft/agents-activity';
import { ACTION } from '../../core/model/actions.js';
import { answerRefValue } from '../../core/model/answer-ref.js';
import type { CustomerMessage } from '../../core/ports/chat-gateway.js';
import { button, card, cardActivity, textBlock } from './adaptive-card.js';

/** Markdown link text may not carry the brackets that delimit it. */
function sourceLink(title: string, url?: string): string {
  const label = title.replace(/[[\]]/g, '');
  return url ? `[${label}](${url.replace(/[()\s]/g, encodeURIComponent)})` : label;
}

/**
 * Only what the customer is meant to read. An answer is a card: the Markdown answer (Teams renders it),
 * its sources, Helpful / Not helpful and "Talk to a person"; a clarifying question is a card of one
 * button per reading; a notice is plain text, since Baton's copy is not Markdown.
 */
export function renderCustomerActivity(message: CustomerMessage): Partial<Activity> {
  if (message.kind === 'notice') return { type: 'message', text: message.text, textFormat: 'plain' } as Partial<Activity>;
  if (message.kind === 'choice') {
    const { conversationKey, ask } = message.choose;
    const options = message.options.map((label, option) => button(label, ACTION.clarify, { conversationKey, ask, option }));
    const other = button(message.other.label, ACTION.talkToHuman, { conversationKey: message.other.conversationKey });
    return cardActivity(card([textBlock(message.text)], [...options, other]), `${message.text} ${message.options.join(' / ')}`.slice(0, 200));
  }
  const body = [textBlock(message.text)];
  if (message.citations.length > 0) body.push(textBlock(`Source: ${message.citations.map((c) => sourceLink(c.title, c.url)).join(' \u00b7 ')}`, { subtle: true }));
  body.push(textBlock(message.offerHuman.footer, { subtle: true }));
  const { feedback } = message;
  const votes = feedback
    ? [button(feedback.helpful, ACTION.answerHelpful, { answer: answerRefValue(feedback.answer) }), button(feedback.notHelpful, ACTION.answerNotHelpful, { answer: answerRefValue(feedback.answer) })]
    : [];
  const actions = [...votes, button(message.offerHuman.label, ACTION.talkToHuman, { conversationKey: message.offerHuman.conversationKey })];
  return cardActivity(card(body, actions), message.text.slice(0, 200));
}
