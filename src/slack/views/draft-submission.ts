import type { App } from '@slack/bolt';
import { draftRefusal } from '../../core/copy/refusals.js';
import { sendDraft } from '../../core/copilot/review-draft.js';
import { REPLY_FIELD, VIEW } from '../../core/model/actions.js';
import { escalationIdValue } from '../normalize/action-payload.js';
import type { SlackDeps } from '../slack-deps.js';
import { composerSubmission } from './reply-submission.js';

/** The draft composer's Send: the edited text goes to the customer; a refusal shows in the composer. */
export function registerDraftSubmission(app: App, deps: SlackDeps): void {
  app.view(VIEW.editDraft, async ({ ack, body }) => {
    const parsed = composerSubmission.safeParse(body);
    const id = escalationIdValue.safeParse(parsed.data?.view.private_metadata);
    if (!parsed.success || !id.success) {
      await ack({ response_action: 'errors', errors: { [REPLY_FIELD]: 'This form is out of date; close it and press Edit and send again.' } });
      return;
    }
    const { user, view } = parsed.data;
    const author = await deps.directory.author(user.id, user.team_id);
    const text = view.state.values[REPLY_FIELD]?.[REPLY_FIELD]?.value ?? '';
    const result = await sendDraft(deps.core, id.data, { ...author, name: author.name ?? user.name ?? user.username }, text);
    const refusal = draftRefusal(result, (who) => `<@${who.id}>`);
    if (refusal) await ack({ response_action: 'errors', errors: { [REPLY_FIELD]: refusal } });
    else await ack();
  });
}
