import type { types } from '@slack/bolt';
import { SHARE_FIELD, VIEW } from '../../core/model/actions.js';
import { clip } from './mrkdwn.js';

/** Slack's limit on a plain-text input's initial value and length. */
const MAX_INPUT = 3000;

/** The edit step before a resolution is shared with every customer: the text, editable, and what sharing means. */
export function renderShareModal(form: { escalationId: string; account: string; answer: string }): types.ModalView {
  return {
    type: 'modal',
    callback_id: VIEW.shareCandidate,
    private_metadata: form.escalationId,
    title: { type: 'plain_text', text: 'Share with everyone' },
    submit: { type: 'plain_text', text: 'Share' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: clip(`This resolution came from a conversation with *${form.account}*. Take out anything that is theirs alone; Baton then answers every customer's similar questions with it, redacted again.`, 3000),
        },
      },
      {
        type: 'input',
        block_id: SHARE_FIELD.answer,
        label: { type: 'plain_text', text: 'Answer for every customer' },
        element: { type: 'plain_text_input', action_id: SHARE_FIELD.answer, multiline: true, max_length: MAX_INPUT, initial_value: form.answer.slice(0, MAX_INPUT) },
      },
    ],
  };
}
