import type { CoreDeps } from '../deps.js';
import type { Author } from '../model/message.js';
import { decideAndAct, type MessageOutcome } from './handle-message.js';

export type HumanRequestOutcome =
  | MessageOutcome
  | { kind: 'already_with_human' }
  | { kind: 'not_found' }
  | { kind: 'not_customer' };

/** The "Talk to a person" button: a customer-initiated escalation carrying the whole conversation. */
export async function requestHuman(deps: CoreDeps, conversationKey: string, author: Author): Promise<HumanRequestOutcome> {
  // Staff see the customer's buttons too; a press by them must not count as the customer's request.
  if (!author.isExternal) return { kind: 'not_customer' };
  return deps.locks.run(`conv:${conversationKey}`, async () => {
    const conversation = await deps.conversations.get(conversationKey);
    if (!conversation) return { kind: 'not_found' };
    if (conversation.mode !== 'bot') return { kind: 'already_with_human' };
    const lastCustomer = [...conversation.turns].reverse().find((t) => t.role === 'customer');
    const history = conversation.turns.filter((t) => t !== lastCustomer);
    return decideAndAct(deps, conversation, history, lastCustomer?.text ?? '', true);
  });
}
