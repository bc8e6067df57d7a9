import type { Conversation } from '../conversation/conversation.js';
import type { CoreDeps } from '../deps.js';
import { publishPacket } from '../escalation/publish-packet.js';
import { parseChannelName } from '../model/conversation-ref.js';
import type { Delivery } from './delivery.js';
import { pendingDeliveries, withoutDelivery } from './outbox.js';

export type AttemptResult = 'delivered' | 'gone' | 'failed';

/**
 * One attempt at one recorded delivery, under the conversation's lock (the lock its decision was
 * written under), so two runners never post the same item. `maybeSent`: an earlier attempt failed
 * without saying whether the message went out (a timeout, a 5xx, a crash), so the platform is asked
 * first and a message already there is only marked delivered.
 */
export async function attemptDelivery(deps: CoreDeps, key: string, id: string, maybeSent: boolean, beforeSend?: () => Promise<void>): Promise<AttemptResult> {
  return deps.locks.run(`conv:${key}`, async () => {
    const conversation = await deps.conversations.get(key);
    const delivery = conversation ? pendingDeliveries(conversation).find((d) => d.id === id) : undefined;
    if (!conversation || !delivery) return 'gone';
    let sent: boolean;
    try {
      sent = await send(deps, conversation, delivery, maybeSent, beforeSend);
    } catch (err) {
      deps.log.warn({ err, conversation: key, delivery: id }, 'delivery attempt failed; it will be retried');
      sent = false;
    }
    if (!sent) return 'failed';
    await deps.conversations.put(withoutDelivery(conversation, id));
    return 'delivered';
  });
}

async function send(deps: CoreDeps, conversation: Conversation, d: Delivery, maybeSent: boolean, beforeSend?: () => Promise<void>): Promise<boolean> {
  const { gateway } = deps;
  const tag = { id: d.id, ...(beforeSend ? { beforeSend } : {}) };
  if (d.kind === 'packet') {
    // Stored here rather than with the decision: the conversation write carried it, so it is never lost.
    await deps.escalations.create(d.escalation);
    const escalation = await deps.escalations.get(d.escalation.id);
    if (!escalation) return false;
    return !!escalation.packet || !!(await publishPacket(deps, escalation, conversation, maybeSent, beforeSend));
  }
  if (d.kind === 'alert') {
    const channel = parseChannelName(d.channel);
    const found = maybeSent ? await gateway.findDelivered({ ...channel, since: d.createdAt }, d.id) : undefined;
    if (!found) await gateway.postAlert(channel, d.text, tag);
    return true;
  }
  const { ref } = conversation;
  const found = maybeSent ? await gateway.findDelivered({ ...ref, since: d.createdAt }, d.id) : undefined;
  if (!found) await gateway.replyToCustomer(ref, d.message, tag);
  return true;
}
