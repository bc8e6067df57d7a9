import { voteOnAnswer, type VoteOutcome } from '../../core/feedback/answer-vote.js';
import { replyEphemeral } from '../actions/reply-ephemeral.js';
import { loopDeps } from '../commands/loop-deps.js';
import { withFeedbackAck } from '../render/feedback-ack.js';
import type { SlackDeps } from '../slack-deps.js';
import type { SlackInboxPayload } from './slack-inbox-item.js';

type VotePayload = Extract<SlackInboxPayload, { kind: 'answer_vote' }>;

export const FEEDBACK_STAFF_ONLY = 'These buttons are for the customer; their votes count in the report.';

/** What the clicker alone hears when the vote did not count. */
function refusal(outcome: VoteOutcome): string | undefined {
  if (outcome.kind === 'not_customer') return FEEDBACK_STAFF_ONLY;
  return outcome.kind === 'not_found' ? 'This answer is no longer on record, so the vote was not counted.' : undefined;
}

/** Records a Helpful / Not helpful press through the core, then swaps the buttons for a quiet acknowledgement. */
export async function takeVote(deps: SlackDeps, payload: VotePayload): Promise<string> {
  const { user, answer, vote, channel, thread, message } = payload;
  const core = loopDeps(deps);
  const author = await deps.directory.author(user.id, user.teamId);
  const outcome = await voteOnAnswer(core, answer, author, vote);
  const text = refusal(outcome);
  if (text) await replyEphemeral(deps, channel, user.id, text, thread);
  if (outcome.kind !== 'recorded' || !channel || !message?.blocks) return answer.conversationKey;
  const copy = core.policy.answer_feedback;
  const blocks = withFeedbackAck(message.blocks, vote === 'helpful' ? copy.thanks : copy.sorry);
  if (blocks) {
    await deps.slack.call('chat.update', { channel, ts: message.ts, blocks, ...(message.text ? { text: message.text } : {}) }).catch((err: unknown) => {
      // The vote stands; only the buttons stay, and a second press replaces the vote instead of adding one.
      deps.log.warn({ err, channel, answer: answer.answerId }, 'could not replace the feedback buttons');
    });
  }
  return answer.conversationKey;
}
