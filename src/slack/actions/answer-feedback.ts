import type { App } from '@slack/bolt';
import type { Vote } from '../../core/feedback/answer-vote.js';
import { ACTION } from '../../core/model/actions.js';
import { parseAnswerRef } from '../../core/model/answer-ref.js';
import { answerVoteItem } from '../intake/slack-inbox-item.js';
import { blockActionPayload } from '../normalize/action-payload.js';
import type { SlackDeps } from '../slack-deps.js';

const VOTES: [string, Vote][] = [
  [ACTION.answerHelpful, 'helpful'],
  [ACTION.answerNotHelpful, 'not_helpful'],
];

/**
 * Helpful / Not helpful under an answer. The press is recorded in the inbox before Slack hears back:
 * "Not helpful" hands the conversation to a person, and that must survive a crash like a message does
 * (process-slack-item.ts handles it from there).
 */
export function registerAnswerFeedback(app: App, deps: SlackDeps): void {
  for (const [actionId, vote] of VOTES) {
    app.action(actionId, async ({ ack, body }) => {
      const payload = blockActionPayload.safeParse(body);
      const answer = parseAnswerRef(payload.data?.actions[0]?.value ?? '');
      if (!payload.success || !answer) {
        await ack();
        deps.log.warn({ action: actionId }, 'malformed answer feedback ignored');
        return;
      }
      const { user, channel, container, message, actions } = payload.data;
      const clicker = { user: { id: user.id, ...(user.team_id ? { teamId: user.team_id } : {}) }, channel: channel?.id, thread: container?.thread_ts ?? container?.message_ts };
      await deps.intake.take(answerVoteItem({ ...clicker, answer, vote, ...(message ? { message } : {}) }, actions[0]?.action_ts ?? String(Date.now() / 1000), Date.now()));
      await ack();
    });
  }
}
