import type { Conversation } from '../conversation/conversation.js';
import type { CoreDeps } from '../deps.js';
import { deliverNote } from '../conversation/forward-to-specialist.js';
import { deliverCsat } from '../feedback/csat.js';
import { deliverUpdate, publishPacket } from '../escalation/publish-packet.js';
import { parseChannelName } from '../model/conversation-ref.js';
import type { Delivery } from './delivery.js';
import { deliveryTag } from './delivery-tag.js';
import { pendingDeliveries, withoutDelivery } from './outbox.js';

export type AttemptResult = 'delivered' | 'failed';

export interface Attempt {
  /** The delivery chosen and attempted; none when the chooser found nothing to do. */
  delivery?: Delivery;
  result?: AttemptResult;
  /** The conversation's outbox as this attempt left it (read, then written if delivered). */
  pending: Delivery[];
}

export interface AttemptOptions {
  /** Picks the delivery to attempt from the outbox as read under the lock, or none. */
  choose(pending: Delivery[]): Delivery | undefined;
  /**
   * An earlier attempt at this delivery failed without saying whether the message went out (a timeout,
   * a 5xx, a crash), so the platform is asked first and a message already there is only marked delivered.
   */
  maybeSent(id: string): boolean;
  beforeSend?: () => Promise<void>;
}

/**
 * One attempt at one recorded delivery, under the conversation's lock (the lock its decision was
 * written under), so two runners never post the same item. The conversation is read once, and the
 * outbox left behind is returned, so a caller needs no read of its own to know what is still owed.
 */
export async function attemptDelivery(deps: Pick<CoreDeps, 'articles' | 'conversations' | 'escalations' | 'gateway' | 'locks' | 'log' | 'loop' | 'onboarding' | 'policy'>, key: string, options: AttemptOptions): Promise<Attempt> {
  return deps.locks.run(`conv:${key}`, async () => {
    const conversation = await deps.conversations.get(key);
    const pending = conversation ? pendingDeliveries(conversation) : [];
    const delivery = options.choose(pending);
    if (!conversation || !delivery) return { pending };
    let sent: boolean;
    try {
      sent = await send(deps, conversation, delivery, options.maybeSent(delivery.id), options.beforeSend);
    } catch (err) {
      deps.log.warn({ err, conversation: key, delivery: delivery.id }, 'delivery attempt failed; it will be retried');
      sent = false;
    }
    if (!sent) return { delivery, result: 'failed', pending };
    const after = withoutDelivery(conversation, delivery.id);
    await deps.conversations.put(after);
    return { delivery, result: 'delivered', pending: pendingDeliveries(after) };
  });
}

async function send(deps: Pick<CoreDeps, 'articles' | 'escalations' | 'gateway' | 'log' | 'loop' | 'onboarding' | 'policy'>, conversation: Conversation, d: Delivery, maybeSent: boolean, beforeSend?: () => Promise<void>): Promise<boolean> {
  const { gateway } = deps;
  const tag = deliveryTag(d.id, beforeSend);
  if (d.kind === 'packet') {
    // Stored here rather than with the decision: the conversation write carried it, so it is never lost.
    await deps.escalations.create(d.escalation);
    const escalation = await deps.escalations.get(d.escalation.id);
    if (!escalation) return false;
    return !!escalation.packet || !!(await publishPacket(deps, escalation, conversation, maybeSent, tag));
  }
  if (d.kind === 'note') return deliverNote(deps, conversation, d, maybeSent, tag);
  if (d.kind === 'update') return deliverUpdate(deps, conversation, d);
  if (d.kind === 'csat' || d.kind === 'csat-thanks') return deliverCsat(deps, conversation, d, maybeSent, tag);
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

/** An alert with no conversation to record it in: one attempt, looked for first so it is never posted twice. */
export async function postAlertOnce(deps: Pick<CoreDeps, 'gateway'>, alert: Extract<Delivery, { kind: 'alert' }>): Promise<void> {
  const channel = parseChannelName(alert.channel);
  if (!(await deps.gateway.findDelivered({ ...channel, since: alert.createdAt }, alert.id))) await deps.gateway.postAlert(channel, alert.text, deliveryTag(alert.id));
}
