import type { CoreDeps } from '../deps.js';
import { withDeliveries } from '../delivery/outbox.js';
import type { DraftAnswer } from '../model/decision.js';
import { withTurn, type Conversation } from './conversation.js';

/**
 * The answer with its sources and the "Talk to a person" button, recorded as a bot turn and an outbox
 * delivery in one conversation write; the delivery runner posts it.
 */
export function recordAnswer(deps: CoreDeps, conversation: Conversation, answer: DraftAnswer): Conversation {
  const { copy } = deps.policy;
  const at = deps.clock.now();
  // Nothing goes out before this write commits, so a fresh id per decision is enough.
  const id = `answer:${deps.newId()}`;
  const answered = withTurn({ ...conversation, botAnswers: conversation.botAnswers + 1 }, { role: 'bot', text: answer.text, at, deliveryId: id });
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
      },
    },
  ]);
}
