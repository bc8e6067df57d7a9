import type { LoopDeps } from '../deps.js';
import type { Escalation } from '../escalation/escalation.js';
import { conversationKey } from '../model/conversation-ref.js';
import { askCsat } from './csat.js';

/** Once a specialist closed the escalation, the customer is asked how it went (if sampled and not in cooldown). */
export async function askCsatAfterClose(deps: Pick<LoopDeps, 'clock' | 'conversations' | 'deliveries' | 'locks' | 'log' | 'loop' | 'once' | 'policy'>, escalation: Escalation): Promise<void> {
  const conversation = await deps.conversations.get(conversationKey(escalation.conversation));
  if (conversation) await askCsat(deps, conversation, 'escalation', escalation.id);
}
