import type { App } from '@slack/bolt';
import { reviewRefusal } from '../../core/copy/review-refusals.js';
import { decideReview, type ReviewDecision, reviewProposal } from '../../core/suggest/answer-review.js';
import { scopeLabel } from '../../core/suggest/approve-answer.js';
import { ACTION } from '../../core/model/actions.js';
import { loopDeps } from '../commands/loop-deps.js';
import { parseAnswerValue, type AnswerValue } from '../normalize/answer-value.js';
import { blockActionPayload, type BlockActionPayload } from '../normalize/action-payload.js';
import { withDecision } from '../render/answer-review-blocks.js';
import { renderAnswerModal } from '../render/answer-modal.js';
import type { SlackDeps } from '../slack-deps.js';
import { replyEphemeral } from './reply-ephemeral.js';

type Decide = (v: AnswerValue) => ReviewDecision;

const DECISIONS: [action: string, decide: Decide][] = [
  [ACTION.approveAnswer, (v) => ({ kind: 'approve', topic: v.t, version: v.v, scope: { everyone: true }, confirmMarked: false })],
  [ACTION.approveAnswerForAccount, (v) => ({ kind: 'approve', topic: v.t, version: v.v, scope: v.a ? { account: v.a } : { everyone: true }, confirmMarked: false })],
  [ACTION.rejectAnswer, (v) => ({ kind: 'reject', topic: v.t })],
];

/** The review message after a decision: the topic's buttons give way to the decision, when Slack sent the message along. */
export async function showDecision(deps: SlackDeps, channel: string | undefined, message: BlockActionPayload['message'], topic: string, note: string): Promise<void> {
  const blocks = message?.blocks && withDecision(message.blocks, topic, note);
  if (!channel || !message || !blocks) return;
  await deps.slack.call('chat.update', { channel, ts: message.ts, blocks, ...(message.text ? { text: message.text } : {}) }).catch((err: unknown) => deps.log.warn({ err, channel, topic }, 'could not update the review message after a decision'));
}

export const decisionNote = (d: ReviewDecision, userId: string) =>
  d.kind === 'reject' ? `:no_entry_sign: Rejected by <@${userId}>; not proposed again` : `:white_check_mark: Approved for ${scopeLabel(d.scope)} by <@${userId}>; Baton answers from it now`;

/** The answer review's buttons: approve (everyone or the account), reject, or open the edit step. */
export function registerReviewAnswer(app: App, deps: SlackDeps): void {
  const core = loopDeps(deps);
  for (const [action, decide] of DECISIONS) {
    app.action(action, async ({ ack, body }) => {
      await ack();
      const payload = blockActionPayload.safeParse(body);
      const value = parseAnswerValue(payload.data?.actions[0]?.value);
      if (!payload.success || !value) return deps.log.warn({ action }, 'malformed answer review action ignored');
      const { user, channel, container, message } = payload.data;
      const decision = decide(value);
      const result = await decideReview(core, user.id, decision).catch((err: unknown) => {
        deps.log.error({ err, topic: value.t }, 'answer review decision could not be saved');
        return undefined;
      });
      const text = !result ? 'The decision could not be saved, so nothing changed. Please try again in a moment.' : result.ok ? decisionNote(decision, user.id) : reviewRefusal(result);
      await replyEphemeral(deps, channel?.id, user.id, text, container?.thread_ts);
      if (result?.ok) await showDecision(deps, channel?.id, message, value.t, decisionNote(decision, user.id));
    });
  }
  app.action(ACTION.editAnswer, async ({ ack, body }) => {
    await ack();
    const payload = blockActionPayload.safeParse(body);
    const value = parseAnswerValue(payload.data?.actions[0]?.value);
    if (!payload.success || !value || !payload.data.trigger_id) return deps.log.warn({ action: ACTION.editAnswer }, 'malformed answer edit ignored');
    const proposal = await reviewProposal(core, value.t);
    if (!proposal) return replyEphemeral(deps, payload.data.channel?.id, payload.data.user.id, reviewRefusal({ ok: false, reason: 'not_found' }));
    await deps.slack.call('views.open', { trigger_id: payload.data.trigger_id, view: renderAnswerModal(proposal, core.policy.accounts) });
  });
}
