import type { types } from '@slack/bolt';
import { MAX_NOTE_CHARS } from '../../core/escalation/internal-note.js';
import { NOTE_FIELD, VIEW } from '../../core/model/actions.js';

/** The form "Add note" opens: one text field, kept with the escalation and posted in this thread only. */
export function renderNoteComposer(escalationId: string): types.ModalView {
  return {
    type: 'modal',
    callback_id: VIEW.internalNote,
    private_metadata: escalationId,
    title: { type: 'plain_text', text: 'Internal note' },
    submit: { type: 'plain_text', text: 'Add note' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'input',
        block_id: NOTE_FIELD,
        label: { type: 'plain_text', text: 'Note for the team' },
        hint: { type: 'plain_text', text: 'Kept with the escalation and posted in this thread. The customer never sees it.' },
        element: { type: 'plain_text_input', action_id: NOTE_FIELD, multiline: true, max_length: MAX_NOTE_CHARS },
      },
    ],
  };
}
