import type { CoreDeps } from '../deps.js';
import type { Author } from '../model/message.js';
import { buttonStanding, customersOf } from './own-customers.js';
import { actOnDecision, decide } from './decide-and-act.js';
import type { MessageOutcome } from './message-outcome.js';

export type HumanRequestOutcome =
  | MessageOutcome
  | { kind: 'already_with_human' }
  | { kind: 'not_found' }
  | { kind: 'not_customer' }
  | { kind: 'not_your_conversation' };

/**
 * The "Talk to a person" button: a customer-initiated escalation carrying the whole conversation. It
 * works while staff have the thread too: they may have gone away, and the customer is asking.
 */
export async function requestHuman(deps: CoreDeps, conversationKey: string, author: Author): Promise<HumanRequestOutcome> {
  // Staff see the customer's buttons too; a press by them must not count as the customer's request.
  if (!author.isExternal) return { kind: 'not_customer' };
  return deps.locks.run(`conv:${conversationKey}`, async () => {
    const conversation = await deps.conversations.get(conversationKey);
    if (!conversation) return { kind: 'not_found' };
    const standing = buttonStanding(customersOf(conversation), author);
    if (standing !== 'own_customer') return { kind: standing };
    if (conversation.mode === 'escalated') return { kind: 'already_with_human' };
    const lastCustomer = conversation.turns.findLast((t) => t.role === 'customer');
    const history = conversation.turns.filter((t) => t !== lastCustomer);
    const decision = await decide(deps, conversation, history, lastCustomer?.text ?? '', true);
    return actOnDecision(deps, conversation, decision);
  });
}
