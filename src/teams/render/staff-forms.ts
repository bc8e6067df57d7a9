import type { CloseForm, Option } from '../../core/escalation/close-escalation.js';
import { MAX_RELAY_CHARS } from '../../core/escalation/relay-reply.js';
import { ACTION, CLOSE_FIELD, REPLY_FIELD, VIEW } from '../../core/model/actions.js';
import { button, card, plainText, type AdaptiveCard, type CardElement } from './adaptive-card.js';

/** What a person typed or picked, and what was wrong with it, to show the form again as they left it. */
export interface FormState {
  values: Record<string, string | undefined>;
  errors: Record<string, string | undefined>;
}

export const EMPTY: FormState = { values: {}, errors: {} };

export function fieldError(state: FormState, field: string): CardElement[] {
  const text = state.errors[field];
  return text ? [plainText(text, { color: 'Attention', size: 'Small' })] : [];
}

function choice(field: string, label: string, options: Option[], expanded: boolean, state: FormState, required: string): CardElement[] {
  const value = state.values[field];
  const input = {
    type: 'Input.ChoiceSet',
    id: field,
    label,
    style: expanded ? 'expanded' : 'compact',
    isRequired: true,
    errorMessage: required,
    choices: options.map((o) => ({ title: o.label, value: o.value })),
    ...(value && options.some((o) => o.value === value) ? { value } : {}),
  };
  return [input, ...fieldError(state, field)];
}

/** The three-tag close form as a card, in place of the packet; the tags are checked again when it comes back. */
export function closeFormCard(form: CloseForm, state: FormState = EMPTY): AdaptiveCard {
  const data = { escalationId: form.escalationId };
  const note = state.values[CLOSE_FIELD.note];
  return card(
    [
      plainText(`Close escalation ${form.escalationId}`, { size: 'Medium', weight: 'Bolder' }),
      ...choice(CLOSE_FIELD.rootCause, 'Root cause', form.rootCauses, false, state, 'Pick the root cause.'),
      ...choice(CLOSE_FIELD.aiAccuracy, 'How accurate was Baton?', form.aiAccuracy, true, state, 'Say how accurate Baton was.'),
      ...choice(CLOSE_FIELD.automation, 'Could Baton handle this next time?', form.automation, true, state, 'Say whether Baton could handle this next time.'),
      {
        type: 'Input.Text',
        id: CLOSE_FIELD.note,
        label: 'Resolution note (optional): what fixed it. Approved notes can teach Baton.',
        isMultiline: true,
        maxLength: 3000,
        ...(note ? { value: note } : {}),
      },
    ],
    [button('Close escalation', VIEW.closeEscalation, data), button('Cancel', ACTION.showPacket, data, { skipInputs: true })],
  );
}

/** What a one-field text form says and sends: its field, limits, and the submit button's words and verb. */
export interface TextForm {
  title: string;
  hint: string;
  field: string;
  label: string;
  required: string;
  maxLength: number;
  submit: string;
  verb: string;
}

/** A one-field text form in place of the packet, with Cancel back to it; what was typed comes back with the error. */
export function textFormCard(escalationId: string, form: TextForm, state: FormState): AdaptiveCard {
  const data = { escalationId };
  const text = state.values[form.field];
  return card(
    [
      plainText(form.title, { size: 'Medium', weight: 'Bolder' }),
      plainText(form.hint, { isSubtle: true, size: 'Small' }),
      {
        type: 'Input.Text',
        id: form.field,
        label: form.label,
        isMultiline: true,
        isRequired: true,
        errorMessage: form.required,
        maxLength: form.maxLength,
        ...(text ? { value: text } : {}),
      },
      ...fieldError(state, form.field),
    ],
    [button(form.submit, form.verb, data), button('Cancel', ACTION.showPacket, data, { skipInputs: true })],
  );
}

/** A composer whose one field goes to the customer as "Name from <vendor>: …" on `verb`. */
function composerCard(escalationId: string, words: { title: string; label: string; verb: string }, state: FormState): AdaptiveCard {
  const hint = 'The customer reads this in their conversation, with your name. Everything else in this thread stays internal.';
  const limits = { field: REPLY_FIELD, required: 'Write the reply the customer should read.', maxLength: MAX_RELAY_CHARS, submit: 'Send to customer' };
  return textFormCard(escalationId, { ...words, hint, ...limits }, state);
}

/** "Reply to customer": what is typed here, and only this, reaches the customer as "Name from <vendor>: …". */
export function replyComposerCard(escalationId: string, state: FormState = EMPTY): AdaptiveCard {
  return composerCard(escalationId, { title: `Reply to the customer of ${escalationId}`, label: 'Your reply', verb: ACTION.sendToCustomer }, state);
}

/** "Edit and send" on a copilot draft: the composer opens holding the draft; what is in it on Send is sent. */
export function draftEditorCard(escalationId: string, state: FormState): AdaptiveCard {
  return composerCard(escalationId, { title: `Edit Baton\u2019s draft for ${escalationId}`, label: 'Baton\u2019s draft, yours to change', verb: ACTION.sendEditedDraft }, state);
}
