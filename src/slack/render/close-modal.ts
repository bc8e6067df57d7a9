import type { types } from '@slack/bolt';
import type { CloseForm, Option } from '../../core/escalation/close-escalation.js';
import { CLOSE_FIELD, VIEW } from '../../core/model/actions.js';
import { LIMITS } from './block-limits.js';
import { clip } from './mrkdwn.js';

function options(list: Option[]): types.PlainTextOption[] {
  return list.slice(0, 100).map((o) => ({
    text: { type: 'plain_text', text: clip(o.label, LIMITS.optionText) },
    value: o.value.slice(0, LIMITS.optionValue),
  }));
}

/** One input block per field; block_id = field name so validation errors land on the right field. */
function select(field: string, label: string, list: Option[], radio: boolean): types.InputBlock {
  const element: types.StaticSelect | types.RadioButtons = radio
    ? { type: 'radio_buttons', action_id: field, options: options(list) }
    : { type: 'static_select', action_id: field, placeholder: { type: 'plain_text', text: 'Choose one' }, options: options(list) };
  return { type: 'input', block_id: field, label: { type: 'plain_text', text: label }, element };
}

/** The three-field tagging modal that closes an escalation. */
export function renderCloseModal(form: CloseForm): types.ModalView {
  return {
    type: 'modal',
    callback_id: VIEW.closeEscalation,
    private_metadata: form.escalationId,
    title: { type: 'plain_text', text: 'Close escalation' },
    submit: { type: 'plain_text', text: 'Close' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      select(CLOSE_FIELD.rootCause, 'Root cause', form.rootCauses, false),
      select(CLOSE_FIELD.aiAccuracy, 'How accurate was Baton?', form.aiAccuracy, true),
      select(CLOSE_FIELD.automation, 'Could Baton handle this next time?', form.automation, true),
      {
        type: 'input',
        block_id: CLOSE_FIELD.note,
        optional: true,
        label: { type: 'plain_text', text: 'Resolution note' },
        hint: { type: 'plain_text', text: 'What fixed it. Approved notes can teach Baton.' },
        element: { type: 'plain_text_input', action_id: CLOSE_FIELD.note, multiline: true, max_length: 3000 },
      },
    ],
  };
}
