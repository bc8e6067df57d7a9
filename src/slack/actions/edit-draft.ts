import type { App } from '@slack/bolt';
import { draftRefusal } from '../../core/copy/refusals.js';
import { draftToEdit } from '../../core/copilot/review-draft.js';
import { ACTION } from '../../core/model/actions.js';
import { blockActionPayload, escalationIdValue } from '../normalize/action-payload.js';
import { renderDraftEditor } from '../render/draft-editor.js';
import type { SlackDeps } from '../slack-deps.js';
import { replyEphemeral } from './reply-ephemeral.js';

/**
 * "Edit and send" opens the composer with the draft in it, for staff, while the draft still waits. The
 * trigger_id lives 3 seconds: the look-ups before it are the cached author check and one store read.
 */
export function registerEditDraft(app: App, deps: SlackDeps): void {
  app.action(ACTION.editDraft, async ({ ack, body }) => {
    await ack();
    const payload = blockActionPayload.safeParse(body);
    const id = escalationIdValue.safeParse(payload.data?.actions[0]?.value);
    if (!payload.success || !id.success || !payload.data.trigger_id) {
      deps.log.warn({ action: ACTION.editDraft }, 'malformed draft action ignored');
      return;
    }
    const { user, channel, container } = payload.data;
    const draft = await draftToEdit(deps.core, id.data, await deps.directory.author(user.id, user.team_id));
    if (!draft.ok) {
      await replyEphemeral(deps, channel?.id, user.id, draftRefusal(draft, (who) => `<@${who.id}>`) ?? '', container?.thread_ts);
      return;
    }
    await deps.slack.call('views.open', { trigger_id: payload.data.trigger_id, view: renderDraftEditor(id.data, draft.text) });
  });
}
