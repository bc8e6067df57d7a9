import { withTurn } from '../conversation/conversation.js';
import type { CoreDeps } from '../deps.js';
import { withDeliveries } from '../delivery/outbox.js';
import { fillCopy } from '../handoff/customer-copy.js';
import { conversationKey } from '../model/conversation-ref.js';
import type { Author } from '../model/message.js';
import { claimEscalation } from './specialist-actions.js';

/** A customer reads at most this much of one relayed reply; the composer enforces the same. */
export const MAX_RELAY_CHARS = 3000;

export type RelayResult = { ok: true } | { ok: false; reason: 'not_allowed' | 'not_found' | 'empty' };

/**
 * "Reply to customer" from the packet thread: the one way a specialist's words leave the internal thread,
 * whatever platform the customer is on. The reply is a staff turn and an outbox delivery in one
 * conversation write, shown as "Name from <vendor>: …"; it claims an unclaimed escalation, and the
 * packet thread records what was sent.
 */
export async function relayToCustomer(deps: CoreDeps, escalationId: string, author: Author, text: string): Promise<RelayResult> {
  if (author.isExternal) return { ok: false, reason: 'not_allowed' };
  const body = text.trim().slice(0, MAX_RELAY_CHARS);
  if (!body) return { ok: false, reason: 'empty' };
  const escalation = await deps.escalations.get(escalationId);
  if (!escalation) return { ok: false, reason: 'not_found' };
  const key = conversationKey(escalation.conversation);
  const name = author.name ?? 'A specialist';
  const message = fillCopy(deps.policy.copy.relayed, { name, vendor: deps.policy.vendor.name, text: body });
  const recorded = await deps.locks.run(`conv:${key}`, async () => {
    const conversation = await deps.conversations.get(key);
    if (!conversation) return false;
    const at = deps.clock.now();
    const id = `relay:${deps.newId()}`;
    const turn = { role: 'staff' as const, text: body, at, authorId: author.id, authorName: author.name, deliveryId: id };
    const delivery = { id, kind: 'customer' as const, purpose: 'notice' as const, message: { kind: 'notice' as const, text: message }, createdAt: at, escalationId };
    await deps.conversations.put(withDeliveries(withTurn(conversation, turn), [delivery]));
    return true;
  });
  if (!recorded) return { ok: false, reason: 'not_found' };
  deps.deliveries?.schedule(key);
  deps.log.info({ escalationId, by: author.id, length: body.length }, 'specialist reply relayed to the customer');
  if (escalation.status === 'open') await claimEscalation(deps, escalationId, author, false);
  if (escalation.packet) {
    await deps.gateway.postInternal(escalation.packet, `${name} replied to the customer: ${body}`).catch((err: unknown) => {
      deps.log.warn({ err, escalationId }, 'could not note the relayed reply in the packet thread');
    });
  }
  return { ok: true };
}
