import type { App } from '@slack/bolt';
import { candidateApprovalText } from '../../core/copy/review-refusals.js';
import { approveCandidate } from '../../core/feedback/kb-candidate.js';
import { ACTION } from '../../core/model/actions.js';
import { loopDeps } from '../commands/loop-deps.js';
import { blockActionPayload, escalationIdValue, type BlockActionPayload } from '../normalize/action-payload.js';
import { withApproval } from '../render/review-blocks.js';
import type { SlackDeps } from '../slack-deps.js';
import { replyEphemeral } from './reply-ephemeral.js';

/** "Approve for the KB" in the weekly review: the resolution is indexed for the running decider at once. */
export function registerApproveCandidate(app: App, deps: SlackDeps): void {
  const core = loopDeps(deps);
  app.action(ACTION.approveCandidate, async ({ ack, body }) => {
    await ack();
    const payload = blockActionPayload.safeParse(body);
    const id = escalationIdValue.safeParse(payload.data?.actions[0]?.value);
    if (!payload.success || !id.success) {
      deps.log.warn({ action: ACTION.approveCandidate }, 'malformed approval ignored');
      return;
    }
    const { user, channel, container, message } = payload.data;
    const result = await approveCandidate(core, id.data, user.id).catch((err: unknown) => {
      deps.log.error({ err, escalationId: id.data }, 'KB approval could not be saved');
      return undefined;
    });
    const text = result ? candidateApprovalText(result) : 'The approval could not be saved, so nothing changed. Please try again in a moment.';
    await replyEphemeral(deps, channel?.id, user.id, text, container?.thread_ts);
    if (result?.ok && channel) await showApproved(deps, channel.id, message, id.data, user.id);
  });
}

/** Updates the review message the lead clicked in, when Slack sent it along, so its Approve button is gone. */
async function showApproved(deps: SlackDeps, channel: string, message: BlockActionPayload['message'], escalationId: string, userId: string): Promise<void> {
  const blocks = message?.blocks && withApproval(message.blocks, escalationId, userId);
  if (!message || !blocks) return;
  try {
    await deps.slack.call('chat.update', { channel, ts: message.ts, blocks, ...(message.text ? { text: message.text } : {}) });
  } catch (err) {
    // The approval stands and the lead was told; only the stale button remains, and pressing it says "Already approved".
    deps.log.warn({ err, channel, escalationId }, 'could not update the review message after an approval');
  }
}
