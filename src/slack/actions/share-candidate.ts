import type { App } from '@slack/bolt';
import { SHARE_REFUSALS } from '../../core/copy/review-refusals.js';
import { shareForm } from '../../core/feedback/kb-share.js';
import { ACTION } from '../../core/model/actions.js';
import { loopDeps } from '../commands/loop-deps.js';
import { blockActionPayload, escalationIdValue } from '../normalize/action-payload.js';
import { renderShareModal } from '../render/share-modal.js';
import type { SlackDeps } from '../slack-deps.js';
import { replyEphemeral } from './reply-ephemeral.js';

/** "Edit and share with everyone" in the weekly review opens the edit step, a modal with the resolution. */
export function registerShareCandidate(app: App, deps: SlackDeps): void {
  const core = loopDeps(deps);
  app.action(ACTION.shareCandidate, async ({ ack, body }) => {
    await ack();
    const payload = blockActionPayload.safeParse(body);
    const id = escalationIdValue.safeParse(payload.data?.actions[0]?.value);
    if (!payload.success || !id.success || !payload.data.trigger_id) {
      deps.log.warn({ action: ACTION.shareCandidate }, 'malformed share action ignored');
      return;
    }
    const { user, channel, container, trigger_id } = payload.data;
    const form = await shareForm(core, id.data, user.id);
    if (!form.ok) {
      await replyEphemeral(deps, channel?.id, user.id, SHARE_REFUSALS[form.reason], container?.thread_ts);
      return;
    }
    await deps.slack.call('views.open', { trigger_id, view: renderShareModal(form) });
  });
}
