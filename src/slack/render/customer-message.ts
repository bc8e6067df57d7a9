import type { types } from '@slack/bolt';
import type { CustomerMessage } from '../../core/ports/chat-gateway.js';
import { ACTION } from '../../core/model/actions.js';
import { answerRefValue } from '../../core/model/answer-ref.js';
import { LIMITS } from './block-limits.js';
import { renderChoice } from './choice-message.js';
import type { SlackMessage } from './slack-message.js';

export type { SlackMessage };
import { clip, escapeMrkdwn, link, markdownToMrkdwn } from './mrkdwn.js';

/** The block a vote replaces with its acknowledgement (feedback-ack.ts). */
export const FEEDBACK_BLOCK_ID = 'answer_feedback';

type AnswerMessage = Extract<CustomerMessage, { kind: 'answer' }>;

function feedbackBlock(feedback: NonNullable<AnswerMessage['feedback']>): types.KnownBlock {
  const value = answerRefValue(feedback.answer);
  const button = (action_id: string, label: string): types.Button => ({ type: 'button', action_id, text: { type: 'plain_text', text: clip(label, LIMITS.buttonText) }, value });
  return { type: 'actions', block_id: FEEDBACK_BLOCK_ID, elements: [button(ACTION.answerHelpful, feedback.helpful), button(ACTION.answerNotHelpful, feedback.notHelpful)] };
}

/** Only what the customer is meant to read: the answer, its sources, Helpful / Not helpful and the way to a person; or a clarifying question. */
export function renderCustomerMessage(message: CustomerMessage): SlackMessage {
  if (message.kind === 'notice') return { text: clip(escapeMrkdwn(message.text), LIMITS.fallbackText) };
  if (message.kind === 'choice') return renderChoice(message);
  const answer = markdownToMrkdwn(message.text);
  const blocks: types.KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: clip(answer, LIMITS.sectionText) } }];
  const sources = message.citations
    .slice(0, LIMITS.contextElements - 1)
    .map((c) => (c.url ? link(c.url, c.title) : escapeMrkdwn(c.title)));
  if (sources.length > 0) {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: clip(`Source: ${sources.join(' \u00b7 ')}`, LIMITS.sectionText) }] });
  }
  if (message.feedback) blocks.push(feedbackBlock(message.feedback));
  blocks.push(
    { type: 'context', elements: [{ type: 'mrkdwn', text: clip(escapeMrkdwn(message.offerHuman.footer), LIMITS.sectionText) }] },
    {
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: ACTION.talkToHuman,
          text: { type: 'plain_text', text: clip(message.offerHuman.label, LIMITS.buttonText) },
          value: message.offerHuman.conversationKey,
        },
      ],
    },
  );
  return { text: clip(answer, LIMITS.fallbackText), blocks };
}
