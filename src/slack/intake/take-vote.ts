import { voteOnAnswer, voteReply } from '../../core/feedback/answer-vote.js';
import { replyEphemeral } from '../actions/reply-ephemeral.js';
import { loopDeps } from '../commands/loop-deps.js';
import { withFeedbackAck } from '../render/feedback-ack.js';
import type { SlackDeps } from '../slack-deps.js';
import type { SlackInboxPayload } from './slack-inbox-item.js';

type VotePayload = Extract<SlackInboxPayload, { kind: 'answer_vote' }>;

/** Records a Helpful / Not helpful press through the core, then swaps the buttons for a quiet acknowledgement. */
export async function takeVote(deps: SlackDeps, payload: VotePayload): Promise<string> {
  const { user, answer, vote, channel, thread, message } = payload;
  const core = loopDeps(deps);
  const author = await deps.directory.author(user.id, user.teamId);
  const outcome = await voteOnAnswer(core, answer, author, vote);
  const text = voteReply(core.policy.answer_feedback, outcome);
  // A vote that did not count is said to the clicker alone; a counted one replaces the buttons for everyone.
  if (outcome.kind !== 'recorded') await replyEphemeral(deps, channel, user.id, text, thread);
  if (outcome.kind !== 'recorded' || !channel || !message?.blocks) return answer.conversationKey;
  const blocks = withFeedbackAck(message.blocks, text);
  if (blocks) {
    await deps.slack.call('chat.update', { channel, ts: message.ts, blocks, ...(message.text ? { text: message.text } : {}) }).catch((err: unknown) => {
      // The vote stands; only the buttons stay, and a second press replaces the vote instead of adding one.
      deps.log.warn({ err, channel, answer: answer.answerId }, 'could not replace the feedback buttons');
    });
  }
  return answer.conversationKey;
}
