import type { CoreDeps } from '../deps.js';
import type { DeliveryTag } from '../ports/chat-gateway.js';
import { withDeliveries } from '../delivery/outbox.js';
import { hasVisibleText, type InboundMessage } from '../model/message.js';
import type { Delivery } from '../delivery/delivery.js';
import type { Conversation } from './conversation.js';
import { fileLines } from '../copy/shared-files.js';

type Note = Extract<Delivery, { kind: 'note' }>;

const packetPending = (c: Conversation, escalationId: string) => !!c.outbox?.some((d) => d.kind === 'packet' && d.escalation.id === escalationId);

/**
 * While a specialist has the conversation, the customer's new messages are mirrored into the
 * specialist thread, so nobody has to scroll between channels and the customer never repeats anything.
 * The mirror is recorded in the conversation's outbox, in the write that takes the customer's turn, and
 * delivered from there like every other message: retried until it lands, posted once.
 */
export async function forwardToSpecialist(deps: Pick<CoreDeps, 'clock' | 'escalations' | 'newId'>, conversation: Conversation, msg: InboundMessage): Promise<Conversation> {
  if (conversation.mode !== 'escalated' || !conversation.escalationId) return conversation;
  const pendingPacket = packetPending(conversation, conversation.escalationId);
  const escalation = pendingPacket ? undefined : await deps.escalations.get(conversation.escalationId);
  if (!pendingPacket && (!escalation || escalation.status === 'resolved')) return conversation;
  const who = msg.author.name ?? 'The customer';
  const files = msg.files ?? [];
  const said = hasVisibleText(msg.text) ? `${who} added: ${msg.text}` : `${who} sent ${files.length === 1 ? 'a file' : `${files.length} files`}:`;
  const text = files.length > 0 ? `${said}\n${fileLines(files)}` : said;
  const note = { id: `note:${deps.newId()}`, kind: 'note' as const, escalationId: conversation.escalationId, text, createdAt: deps.clock.now() };
  return withDeliveries(conversation, [note]);
}

/**
 * Posts a recorded note under its escalation's packet (or the one a breach left in the first queue);
 * false while the packet is not out yet (it is retried). An escalation that is neither stored nor on its way has no thread: the note is dropped.
 */
export async function deliverNote(deps: Pick<CoreDeps, 'escalations' | 'gateway' | 'log'>, conversation: Conversation, note: Note, maybeSent: boolean, tag: DeliveryTag): Promise<boolean> {
  const escalation = await deps.escalations.get(note.escalationId);
  if (!escalation && !packetPending(conversation, note.escalationId)) {
    deps.log.warn({ conversation: conversation.key, escalationId: note.escalationId }, 'no escalation to mirror the customer message to');
    return true;
  }
  // Under the packet a breach left in the first queue: with none there, the note has nowhere to go.
  if (note.firstQueue && !escalation?.movedFrom?.packet) return true;
  const packet = note.firstQueue ? escalation?.movedFrom?.packet : escalation?.packet;
  if (!packet) return false;
  const { platform, channel, messageId } = packet;
  const found = maybeSent ? await deps.gateway.findDelivered({ platform, channel, thread: messageId, since: note.createdAt }, note.id) : undefined;
  if (!found) await deps.gateway.postInternal(packet, note.text, tag, note.mentions);
  return true;
}
