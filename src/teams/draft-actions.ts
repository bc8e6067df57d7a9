import { draftRefusal } from '../core/copy/refusals.js';
import { discardDraft, draftToEdit, sendDraft } from '../core/copilot/review-draft.js';
import { ACTION, REPLY_FIELD } from '../core/model/actions.js';
import { escalationData, type Handler, nameOf, packet, replyData } from './packet-handler.js';
import { draftEditorCard } from './render/staff-forms.js';

/** Send as is or Discard: the core picks one winner; anyone later is told who did what, else the card shows the outcome. */
function review(run: typeof sendDraft | typeof discardDraft): Handler {
  return async (deps, author, data) => {
    const parsed = escalationData.safeParse(data);
    if (!parsed.success) return undefined;
    const result = await run(deps.core, parsed.data.escalationId, author);
    return draftRefusal(result, nameOf) ?? packet(deps, parsed.data.escalationId);
  };
}

const openEditor: Handler = async (deps, author, data) => {
  const parsed = escalationData.safeParse(data);
  if (!parsed.success) return undefined;
  const draft = await draftToEdit(deps.core, parsed.data.escalationId, author);
  if (!draft.ok) return draftRefusal(draft, nameOf);
  return draftEditorCard(parsed.data.escalationId, { values: { [REPLY_FIELD]: draft.text }, errors: {} });
};

/** The editor's Send: exactly the text in the field goes to the customer; an empty one comes back with the error. */
const submitEdited: Handler = async (deps, author, data) => {
  const parsed = replyData.safeParse(data);
  if (!parsed.success) return undefined;
  const { escalationId, [REPLY_FIELD]: text = '' } = parsed.data;
  const result = await sendDraft(deps.core, escalationId, author, text);
  if (result.ok) return packet(deps, escalationId);
  const refusal = draftRefusal(result, nameOf);
  if (result.reason === 'empty') return draftEditorCard(escalationId, { values: { [REPLY_FIELD]: text }, errors: { [REPLY_FIELD]: refusal } });
  return refusal;
};

/** A copilot draft's verbs on the Teams packet card (see core/copilot). */
export const DRAFT_HANDLERS: Record<string, Handler> = {
  [ACTION.sendDraft]: review(sendDraft),
  [ACTION.discardDraft]: review(discardDraft),
  [ACTION.editDraft]: openEditor,
  [ACTION.sendEditedDraft]: submitEdited,
};
