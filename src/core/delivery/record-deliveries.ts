import type { CoreDeps } from '../deps.js';
import { type ConversationRef, conversationKey } from '../model/conversation-ref.js';
import type { Delivery } from './delivery.js';
import { pendingDeliveries, withDeliveries } from './outbox.js';

/**
 * Adds messages to a conversation's outbox under its lock and asks the delivery runner for them, so
 * they are sent, retried and looked for like any other (a notice Slack refuses ends as an alert). One
 * already there under the same id is not added twice. False when there is no such conversation.
 */
export async function recordDeliveries(deps: Pick<CoreDeps, 'conversations' | 'deliveries' | 'locks'>, ref: ConversationRef, deliveries: Delivery[]): Promise<boolean> {
  const key = conversationKey(ref);
  const recorded = await deps.locks.run(`conv:${key}`, async () => {
    const conversation = await deps.conversations.get(key);
    if (!conversation) return false;
    const owed = new Set(pendingDeliveries(conversation).map((d) => d.id));
    await deps.conversations.put(withDeliveries(conversation, deliveries.filter((d) => !owed.has(d.id))));
    return true;
  });
  if (recorded) deps.deliveries?.schedule(key);
  return recorded;
}
