import type { App } from '@slack/bolt';
import { draftRefusal } from '../../core/copy/refusals.js';
import { discardDraft, sendDraft } from '../../core/copilot/review-draft.js';
import { ACTION } from '../../core/model/actions.js';
import { blockActionPayload, escalationIdValue } from '../normalize/action-payload.js';
import type { SlackDeps } from '../slack-deps.js';
import { replyEphemeral } from './reply-ephemeral.js';

/** "Send as is" and "Discard" on a copilot draft: the core decides; whoever came second hears it privately. */
export function registerReviewDraft(app: App, deps: SlackDeps): void {
  const handlers = [
    [ACTION.sendDraft, sendDraft],
    [ACTION.discardDraft, discardDraft],
  ] as const;
  for (const [actionId, run] of handlers) {
    app.action(actionId, async ({ ack, body }) => {
      await ack();
      const payload = blockActionPayload.safeParse(body);
      const id = escalationIdValue.safeParse(payload.data?.actions[0]?.value);
      if (!payload.success || !id.success) {
        deps.log.warn({ action: actionId }, 'malformed draft action ignored');
        return;
      }
      const { user, channel, container } = payload.data;
      const author = await deps.directory.author(user.id, user.team_id);
      const result = await run(deps.core, id.data, { ...author, name: author.name ?? user.name ?? user.username });
      const text = draftRefusal(result, (who) => `<@${who.id}>`);
      if (text) await replyEphemeral(deps, channel?.id, user.id, text, container?.thread_ts);
    });
  }
}
