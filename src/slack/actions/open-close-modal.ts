import type { App } from '@slack/bolt';
import { STAFF_ONLY } from '../../core/copy/refusals.js';
import { closeForm } from '../../core/escalation/close-escalation.js';
import { ACTION } from '../../core/model/actions.js';
import { blockActionPayload, escalationIdValue } from '../normalize/action-payload.js';
import { renderCloseModal } from '../render/close-modal.js';
import type { SlackDeps } from '../slack-deps.js';
import { replyEphemeral } from './reply-ephemeral.js';

/**
 * Close on the packet opens the tagging modal. The trigger_id lives 3 seconds, so the modal opens
 * before anything slow: the only look-up is the author check, which users.info answers from cache.
 */
export function registerOpenCloseModal(app: App, deps: SlackDeps): void {
  app.action(ACTION.close, async ({ ack, body }) => {
    await ack();
    const payload = blockActionPayload.safeParse(body);
    const id = escalationIdValue.safeParse(payload.data?.actions[0]?.value);
    if (!payload.success || !id.success || !payload.data.trigger_id) {
      deps.log.warn({ action: ACTION.close }, 'malformed close action ignored');
      return;
    }
    const { user, channel, container } = payload.data;
    // The same staff test as Claim (vendor workspaces and Enterprise Grid orgs); users.info is cached.
    if ((await deps.directory.author(user.id, user.team_id)).isExternal) {
      await replyEphemeral(deps, channel?.id, user.id, STAFF_ONLY, container?.thread_ts);
      return;
    }
    await deps.slack.call('views.open', {
      trigger_id: payload.data.trigger_id,
      view: renderCloseModal(closeForm(deps.core.policy, id.data)),
    });
  });
}
