import type { types } from '@slack/bolt';
import { ANSWER_FIELD, VIEW } from '../../core/model/actions.js';
import type { Proposal } from '../../core/suggest/propose-answer.js';
import { encodeAnswerValue } from '../normalize/answer-value.js';
import { LIMITS } from './block-limits.js';
import { clip, escapeMrkdwn } from './mrkdwn.js';

/** Slack's limit on a plain-text input's initial value and length. */
const MAX_INPUT = 3000;
/** A static select holds at most 100 options: everyone and 99 accounts. */
const MAX_ACCOUNTS = 99;

export const EVERYONE = 'everyone';

const option = (text: string, value: string): types.PlainTextOption => ({ text: { type: 'plain_text', text: clip(text, LIMITS.optionText) }, value });

/** The edit step of the answer review: the exact text, editable; who it answers; the confirmation of marked spans. */
export function renderAnswerModal(p: Proposal, accounts: readonly { id: string; name: string }[]): types.ModalView {
  const marked = p.marks.length === 0 ? 'Nothing is marked in the proposed text.' : `*Marked* in the proposed text (likely one ticket's): ${p.marks.map((m) => `${m.kind}: “${escapeMrkdwn(m.text)}”`).join(' · ')}`;
  const everyone = option('Every customer', EVERYONE);
  return {
    type: 'modal',
    callback_id: VIEW.reviewAnswer,
    private_metadata: encodeAnswerValue({ t: p.topic, v: p.version }),
    title: { type: 'plain_text', text: 'Review answer' },
    submit: { type: 'plain_text', text: 'Approve' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: clip(`*${escapeMrkdwn(p.topic)}*: what you approve here is exactly what customers see, redacted again. Spans still marked after your edit block the approval unless you confirm them.\n${marked}`, LIMITS.sectionText) } },
      {
        type: 'input',
        block_id: ANSWER_FIELD.answer,
        label: { type: 'plain_text', text: 'Answer' },
        element: { type: 'plain_text_input', action_id: ANSWER_FIELD.answer, multiline: true, max_length: MAX_INPUT, initial_value: p.answer.slice(0, MAX_INPUT) },
      },
      {
        type: 'input',
        block_id: ANSWER_FIELD.scope,
        label: { type: 'plain_text', text: 'Answers' },
        element: { type: 'static_select', action_id: ANSWER_FIELD.scope, initial_option: everyone, options: [everyone, ...accounts.slice(0, MAX_ACCOUNTS).map((a) => option(`${a.name} only`, a.id))] },
      },
      {
        type: 'input',
        block_id: ANSWER_FIELD.confirm,
        optional: true,
        label: { type: 'plain_text', text: 'Marked spans' },
        element: { type: 'checkboxes', action_id: ANSWER_FIELD.confirm, options: [option('The marked spans left in are right for all it answers', 'confirmed')] },
      },
    ],
  };
}
