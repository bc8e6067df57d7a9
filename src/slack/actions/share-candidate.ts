import type { App } from '@slack/bolt';
import { type ShareRefusal, shareForm } from '../../core/feedback/kb-share.js';
import { ACTION } from '../../core/model/actions.js';
import { loopDeps } from '../commands/loop-deps.js';
import { blockActionPayload, escalationIdValue } from '../normalize/action-payload.js';
import { renderShareModal } from '../render/share-modal.js';
import type { SlackDeps } from '../slack-deps.js';
import { replyEphemeral } from './reply-ephemeral.js';

export const SHARE_REFUSALS: Record<ShareRefusal, string> = {
  not_lead: 'Only the support leads named in Baton\u2019s configuration can share knowledge.',
  not_found: 'This escalation no longer exists.',
  not_a_candidate: 'This escalation has no resolution Baton could answer from.',
  already_shared: 'Already shared with every customer.',
  empty: 'An empty answer cannot be shared.',
};

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
