import { withTurn, type Conversation } from '../conversation/conversation.js';
import type { CoreDeps } from '../deps.js';
import { withDeliveries } from '../delivery/outbox.js';
import { fillCopy } from '../handoff/customer-copy.js';
import { conversationKey } from '../model/conversation-ref.js';
import type { Author } from '../model/message.js';
import type { Escalation } from './escalation.js';
import { firstResponse } from './first-response.js';
import { noteInPacketThread } from './packet-thread.js';
import { claimEscalation } from './specialist-actions.js';

/** A customer reads at most this much of one relayed reply; the composer enforces the same. */
export const MAX_RELAY_CHARS = 3000;

export type RelayResult = { ok: true } | { ok: false; reason: 'not_allowed' | 'not_found' | 'empty' };

/**
 * The specialist's text on its way to the customer: a staff turn and an outbox delivery in one
 * conversation write, shown as "Name from <vendor>: …". `alsoChange` changes the conversation in that
 * same write, or returns undefined to write nothing (the conversation has moved on).
 */
export async function writeRelay(
  deps: Pick<CoreDeps, 'clock' | 'conversations' | 'deliveries' | 'escalations' | 'locks' | 'newId' | 'policy'>,
  escalation: Escalation,
  author: Author,
  body: string,
  alsoChange: (c: Conversation) => Conversation | undefined = (c) => c,
): Promise<boolean> {
  const key = conversationKey(escalation.conversation);
  const message = fillCopy(deps.policy.copy.relayed, { name: author.name ?? 'A specialist', vendor: deps.policy.vendor.name, text: body });
  const recorded = await deps.locks.run(`conv:${key}`, async () => {
    const stored = await deps.conversations.get(key);
    const conversation = stored && alsoChange(stored);
    if (!conversation) return false;
    const at = deps.clock.now();
    const id = `relay:${deps.newId()}`;
    const turn = { role: 'staff' as const, text: body, at, authorId: author.id, authorName: author.name, deliveryId: id };
    const delivery = { id, kind: 'customer' as const, purpose: 'notice' as const, message: { kind: 'notice' as const, text: message }, createdAt: at, escalationId: escalation.id };
    await deps.conversations.put(withDeliveries(withTurn(conversation, turn), [delivery]));
    return true;
  });
  if (!recorded) return false;
  deps.deliveries?.schedule(key);
  await firstResponse(deps, escalation.id);
  return true;
}

/**
 * "Reply to customer" from the packet thread: the one way a specialist's words leave the internal thread,
 * whatever platform the customer is on. It claims an unclaimed escalation, and the packet thread records
 * what was sent.
 */
export async function relayToCustomer(deps: Pick<CoreDeps, 'clock' | 'conversations' | 'deliveries' | 'escalations' | 'locks' | 'log' | 'newId' | 'policy'>, escalationId: string, author: Author, text: string): Promise<RelayResult> {
  if (author.isExternal) return { ok: false, reason: 'not_allowed' };
  const body = text.trim().slice(0, MAX_RELAY_CHARS);
  if (!body) return { ok: false, reason: 'empty' };
  const escalation = await deps.escalations.get(escalationId);
  if (!escalation) return { ok: false, reason: 'not_found' };
  if (!(await writeRelay(deps, escalation, author, body))) return { ok: false, reason: 'not_found' };
  deps.log.info({ escalationId, by: author.id, length: body.length }, 'specialist reply relayed to the customer');
  if (escalation.status === 'open') await claimEscalation(deps, escalationId, author, false);
  await noteInPacketThread(deps, escalation, `${author.name ?? 'A specialist'} replied to the customer: ${body}`);
  return { ok: true };
}
