import type { types } from '@slack/bolt';
import { MAX_RELAY_CHARS } from '../../core/escalation/relay-reply.js';
import { REPLY_FIELD, VIEW } from '../../core/model/actions.js';

/** The composer "Reply to customer" opens: one text field; what is typed goes to the customer as it is. */
export function renderReplyComposer(escalationId: string): types.ModalView {
  return {
    type: 'modal',
    callback_id: VIEW.replyToCustomer,
    private_metadata: escalationId,
    title: { type: 'plain_text', text: 'Reply to customer' },
    submit: { type: 'plain_text', text: 'Send' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'input',
        block_id: REPLY_FIELD,
        label: { type: 'plain_text', text: 'Your reply' },
        hint: { type: 'plain_text', text: 'Sent to the customer in their conversation, on their platform, with your name. Nothing else in this thread is.' },
        element: { type: 'plain_text_input', action_id: REPLY_FIELD, multiline: true, max_length: MAX_RELAY_CHARS },
      },
    ],
  };
}
