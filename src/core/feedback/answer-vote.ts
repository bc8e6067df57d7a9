import type { Policy } from '../../config/policy-schema.js';
import { requestHuman, type HumanRequestOutcome } from '../conversation/request-human.js';
import type { LoopDeps } from '../deps.js';
import type { AnswerRef } from '../model/answer-ref.js';
import type { Author } from '../model/message.js';
import type { VoteFact } from '../ports/feedback-log.js';
import { exampleQuestion } from './content-gap.js';
import { buttonStanding, customersOf } from '../conversation/own-customers.js';
import { NOT_YOUR_CONVERSATION } from '../copy/refusals.js';

export type Vote = VoteFact['vote'];

/**
 * Starts the handoff "Not helpful" asks for: at once by default; an adapter whose clicks must answer
 * quickly records the request in its inbox instead and reports no outcome.
 */
export type HandOver = (conversationKey: string, author: Author) => Promise<HumanRequestOutcome | undefined>;

export type VoteOutcome =
  | { kind: 'recorded'; vote: Vote; handoff?: HumanRequestOutcome }
  | { kind: 'not_customer' }
  | { kind: 'not_your_conversation' }
  | { kind: 'not_found' };

/**
 * A customer's Helpful / Not helpful on one answer, from the conversation's own customers only (as a
 * rating is): staff's view is not the customer's, and nobody else in the channel speaks for them. The vote is
 * stored under the answer's id, so clicking again (or a colleague clicking too) replaces the answer's
 * vote instead of adding one. "Not helpful" hands the conversation to a person at once, as the customer's
 * own request: they have just said the answer did not do it, and asking them again would cost a click.
 */
export async function voteOnAnswer(deps: LoopDeps, ref: AnswerRef, author: Author, vote: Vote, handOver: HandOver = (key, who) => requestHuman(deps, key, who)): Promise<VoteOutcome> {
  if (!author.isExternal) return { kind: 'not_customer' };
  const conversation = await deps.conversations.get(ref.conversationKey);
  const index = conversation?.turns.findIndex((t) => t.role === 'bot' && t.deliveryId === ref.answerId) ?? -1;
  if (!conversation || index < 0) return { kind: 'not_found' };
  const standing = buttonStanding(customersOf(conversation), author);
  if (standing !== 'own_customer') return { kind: standing };
  const answer = conversation.turns[index]!;
  const question = conversation.turns.slice(0, index).findLast((t) => t.role === 'customer')?.text ?? '';
  await deps.loop.feedback.record({
    kind: 'vote',
    id: ref.answerId,
    at: answer.at,
    votedAt: deps.clock.now(),
    vote,
    accountId: conversation.accountId,
    category: answer.answered?.category ?? deps.policy.triage.unknown_category,
    ...(answer.answered?.topic ? { topic: answer.answered.topic } : {}),
    sources: answer.answered?.sources ?? [],
    question: exampleQuestion(question),
  });
  deps.log.info({ conversation: conversation.key, answer: ref.answerId, vote, category: answer.answered?.category }, 'answer feedback recorded');
  if (vote === 'helpful') return { kind: 'recorded', vote };
  const handoff = await handOver(ref.conversationKey, author);
  return { kind: 'recorded', vote, ...(handoff ? { handoff } : {}) };
}

/** What the clicker reads back, on every platform: the quiet acknowledgement, or why the vote did not count. */
export function voteReply(copy: Policy['answer_feedback'], outcome: VoteOutcome): string {
  if (outcome.kind === 'not_customer') return 'These buttons are for the customer; their votes count in the report.';
  if (outcome.kind === 'not_your_conversation') return NOT_YOUR_CONVERSATION;
  if (outcome.kind === 'not_found') return 'This answer is no longer on record, so the vote was not counted.';
  return outcome.vote === 'helpful' ? copy.thanks : copy.sorry;
}
