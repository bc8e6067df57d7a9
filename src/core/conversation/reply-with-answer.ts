import type { CoreDeps } from '../deps.js';
import type { DraftAnswer } from '../model/decision.js';
import { withTurn, type Conversation } from './conversation.js';

/** Sends an answer with its sources and the "Talk to a person" button, and records it as a bot turn. */
export async function replyWithAnswer(deps: CoreDeps, conversation: Conversation, answer: DraftAnswer): Promise<Conversation> {
  const { copy } = deps.policy;
  const messageId = await deps.gateway.replyToCustomer(conversation.ref, {
    kind: 'answer',
    text: answer.text,
    citations: answer.citations,
    offerHuman: { label: copy.talk_to_human_button, footer: copy.answer_footer, conversationKey: conversation.key },
  });
  const next = withTurn(
    { ...conversation, botAnswers: conversation.botAnswers + 1 },
    { role: 'bot', text: answer.text, at: deps.clock.now(), messageId },
  );
  await deps.conversations.put(next);
  return next;
}
