import type { App, types } from '@slack/bolt';
import { STAFF_ONLY } from '../../core/copy/refusals.js';
import { blockActionPayload, escalationIdValue } from '../normalize/action-payload.js';
import type { SlackDeps } from '../slack-deps.js';
import { replyEphemeral } from './reply-ephemeral.js';

/**
 * A packet button that opens a modal for the escalation it names, for staff only. The trigger_id lives
 * 3 seconds, so the modal opens before anything slow: the only look-up is the author check, which
 * users.info answers from cache (the same staff test as Claim: vendor workspaces and Grid orgs).
 */
export function registerStaffModal(app: App, deps: SlackDeps, actionId: string, render: (escalationId: string) => types.ModalView): void {
  app.action(actionId, async ({ ack, body }) => {
    await ack();
    const payload = blockActionPayload.safeParse(body);
    const id = escalationIdValue.safeParse(payload.data?.actions[0]?.value);
    if (!payload.success || !id.success || !payload.data.trigger_id) {
      deps.log.warn({ action: actionId }, 'malformed packet action ignored');
      return;
    }
    const { user, channel, container } = payload.data;
    if ((await deps.directory.author(user.id, user.team_id)).isExternal) {
      await replyEphemeral(deps, channel?.id, user.id, STAFF_ONLY, container?.thread_ts);
      return;
    }
    await deps.slack.call('views.open', { trigger_id: payload.data.trigger_id, view: render(id.data) });
  });
}
