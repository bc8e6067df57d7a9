import type { types } from '@slack/bolt';
import { MAX_RELAY_CHARS } from '../../core/escalation/relay-reply.js';
import { REPLY_FIELD, VIEW } from '../../core/model/actions.js';

/** "Edit and send": the composer opens with Baton's draft in it; what is in the field on Send goes to the customer. */
export function renderDraftEditor(escalationId: string, draft: string): types.ModalView {
  return {
    type: 'modal',
    callback_id: VIEW.editDraft,
    private_metadata: escalationId,
    title: { type: 'plain_text', text: 'Edit and send' },
    submit: { type: 'plain_text', text: 'Send' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'input',
        block_id: REPLY_FIELD,
        label: { type: 'plain_text', text: 'Baton\u2019s draft, yours to change' },
        hint: { type: 'plain_text', text: 'Sent to the customer in their conversation, on their platform, with your name: exactly this text and nothing else.' },
        element: { type: 'plain_text_input', action_id: REPLY_FIELD, multiline: true, max_length: MAX_RELAY_CHARS, initial_value: draft },
      },
    ],
  };
}
