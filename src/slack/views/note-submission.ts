import type { App } from '@slack/bolt';
import { noteRefusal } from '../../core/copy/refusals.js';
import { addInternalNote } from '../../core/escalation/internal-note.js';
import { NOTE_FIELD, VIEW } from '../../core/model/actions.js';
import { escalationIdValue } from '../normalize/action-payload.js';
import type { SlackDeps } from '../slack-deps.js';
import { composerSubmission } from './reply-submission.js';

/** The note form's Add note: the core keeps the note and posts it in the packet thread; a refusal shows in the form. */
export function registerNoteSubmission(app: App, deps: SlackDeps): void {
  app.view(VIEW.internalNote, async ({ ack, body }) => {
    const parsed = composerSubmission.safeParse(body);
    const id = escalationIdValue.safeParse(parsed.data?.view.private_metadata);
    if (!parsed.success || !id.success) {
      await ack({ response_action: 'errors', errors: { [NOTE_FIELD]: 'This form is out of date; close it and press Add note again.' } });
      return;
    }
    const { user, view } = parsed.data;
    const author = await deps.directory.author(user.id, user.team_id);
    const text = view.state.values[NOTE_FIELD]?.[NOTE_FIELD]?.value ?? '';
    const result = await addInternalNote(deps.core, id.data, { ...author, name: author.name ?? user.name ?? user.username }, text);
    if (result.ok) await ack();
    else await ack({ response_action: 'errors', errors: { [NOTE_FIELD]: noteRefusal(result.reason) } });
  });
}
