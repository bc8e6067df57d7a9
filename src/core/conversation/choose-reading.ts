import type { CoreDeps } from '../deps.js';
import type { Decision } from '../model/decision.js';
import type { Author } from '../model/message.js';
import { historyBefore, readingNamed } from './clarification.js';
import type { Clarification, Conversation } from './conversation.js';
import { buttonStanding, customersOf } from './own-customers.js';
import { actOnDecision, decide } from './decide-and-act.js';
import type { MessageOutcome } from './message-outcome.js';

export type ChoiceOutcome =
  | MessageOutcome
  | { kind: 'already_with_human' }
  | { kind: 'already_settled' }
  | { kind: 'not_found' }
  | { kind: 'not_customer' }
  | { kind: 'not_your_conversation' };

/**
 * A button of a clarifying question: the decision goes on with the reading the customer picked, the
 * question they asked kept as the request. A question already settled (picked, replied to, or handed to
 * a person) does nothing more; while people have the thread Baton stays out of it.
 */
export async function chooseReading(deps: CoreDeps, conversationKey: string, author: Author, ask: number, option: number): Promise<ChoiceOutcome> {
  if (!author.isExternal) return { kind: 'not_customer' };
  return deps.locks.run(`conv:${conversationKey}`, async () => {
    const conversation = await deps.conversations.get(conversationKey);
    const asked = conversation?.clarifications?.[ask];
    const reading = asked?.readings[option];
    if (!conversation || !asked || !reading) return { kind: 'not_found' };
    const standing = buttonStanding(customersOf(conversation), author);
    if (standing !== 'own_customer') return { kind: standing };
    if (conversation.mode !== 'bot') return { kind: 'already_with_human' };
    if (asked.settled) return { kind: 'already_settled' };
    const decision = await decide(deps, conversation, historyBefore(conversation, asked.request), asked.request.text, false, reading.topic);
    return actOnDecision(deps, conversation, decision);
  });
}

/**
 * A typed reply to a clarifying question: a reply that names one reading ("the refund one") picks it;
 * either way the decision reads the question together with the reply, so a reply that asks for a person
 * or shows frustration is heard as such.
 */
export function decideReply(deps: Pick<CoreDeps, 'decider' | 'log' | 'onboarding' | 'policy'>, conversation: Conversation, asked: Clarification, reply: string): Promise<Decision> {
  const reading = readingNamed(reply, asked.readings);
  const text = `${asked.request.text}\n${reply}`;
  return decide(deps, conversation, historyBefore(conversation, asked.request), text, false, reading?.topic);
}
