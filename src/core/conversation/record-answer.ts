import type { CoreDeps } from '../deps.js';
import { withDeliveries } from '../delivery/outbox.js';
import type { Decision, DraftAnswer } from '../model/decision.js';
import { withTurn, type Conversation } from './conversation.js';

/**
 * The answer with its sources and the "Talk to a person" button, recorded as a bot turn and an outbox
 * delivery in one conversation write; the delivery runner posts it.
 */
export function recordAnswer(deps: Pick<CoreDeps, 'clock' | 'newId' | 'policy'>, conversation: Conversation, answer: DraftAnswer, about: Pick<Decision, 'category' | 'topic'>): Conversation {
  const { copy, answer_feedback: feedback } = deps.policy;
  const at = deps.clock.now();
  // Nothing goes out before this write commits, so a fresh id per decision is enough.
  const id = `answer:${deps.newId()}`;
  const sources = answer.citations.map((c) => c.title);
  const turn = { role: 'bot' as const, text: answer.text, at, deliveryId: id, answered: { category: about.category, ...(about.topic ? { topic: about.topic } : {}), sources } };
  const answered = withTurn({ ...conversation, botAnswers: conversation.botAnswers + 1 }, turn);
  return withDeliveries(answered, [
    {
      id,
      kind: 'customer',
      purpose: 'answer',
      createdAt: at,
      message: {
        kind: 'answer',
        text: answer.text,
        citations: answer.citations,
        offerHuman: { label: copy.talk_to_human_button, footer: copy.answer_footer, conversationKey: conversation.key },
        ...(feedback.enabled ? { feedback: { helpful: feedback.helpful_button, notHelpful: feedback.not_helpful_button, answer: { conversationKey: conversation.key, answerId: id } } } : {}),
      },
    },
  ]);
}
