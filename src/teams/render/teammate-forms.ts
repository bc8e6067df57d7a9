import { MAX_NOTE_CHARS } from '../../core/escalation/internal-note.js';
import { ACTION, NOTE_FIELD, VIEW } from '../../core/model/actions.js';
import type { Teammate } from '../normalize/teams-directory.js';
import { button, card, plainText, type AdaptiveCard } from './adaptive-card.js';
import { EMPTY, fieldError, type FormState, textFormCard } from './staff-forms.js';

/** The assign form's submit, and its one field: the Entra object id of the teammate picked. */
export const ASSIGN_SUBMIT = 'baton.assign_submit';
export const ASSIGNEE_FIELD = 'assignee';
/** Teams lists at most this many choices in one ChoiceSet; a bigger team is cut, and says so. */
export const MAX_TEAMMATES = 100;

/** "Add note" in place of the packet: kept with the escalation and posted in this thread, never to the customer. */
export function noteComposerCard(escalationId: string, state: FormState = EMPTY): AdaptiveCard {
  return textFormCard(
    escalationId,
    {
      title: `Internal note on ${escalationId}`,
      hint: 'Kept with the escalation and posted in this thread. The customer never sees it.',
      field: NOTE_FIELD,
      label: 'Note for the team',
      required: 'Write something first: the note is empty.',
      maxLength: MAX_NOTE_CHARS,
      submit: 'Add note',
      verb: VIEW.internalNote,
    },
    state,
  );
}

/** "Assign to…" in place of the packet: the staff of this queue's team, by name; the one picked claims it. */
export function assignFormCard(escalationId: string, staff: Teammate[], state: FormState = EMPTY): AdaptiveCard {
  const data = { escalationId };
  const listed = staff.slice(0, MAX_TEAMMATES);
  const cut = staff.length > listed.length ? [plainText(`The first ${listed.length} of ${staff.length} teammates by name.`, { isSubtle: true, size: 'Small' })] : [];
  return card(
    [
      plainText(`Assign ${escalationId}`, { size: 'Medium', weight: 'Bolder' }),
      plainText('The teammate you pick claims it; the customer hears who has it.', { isSubtle: true, size: 'Small' }),
      {
        type: 'Input.ChoiceSet',
        id: ASSIGNEE_FIELD,
        label: 'Assign to',
        style: 'filtered',
        isRequired: true,
        errorMessage: 'Pick a teammate.',
        choices: listed.map((t) => ({ title: t.name, value: t.id })),
      },
      ...cut,
      ...fieldError(state, ASSIGNEE_FIELD),
    ],
    [button('Assign', ASSIGN_SUBMIT, data), button('Cancel', ACTION.showPacket, data, { skipInputs: true })],
  );
}
