import type { CoreDeps } from '../deps.js';
import type { InboundMessage } from '../model/message.js';
import type { Conversation } from './conversation.js';

/**
 * While a specialist has the conversation, the customer's new messages are mirrored into the
 * specialist thread, so nobody has to scroll between channels and the customer never repeats anything.
 */
export async function forwardToSpecialist(deps: CoreDeps, conversation: Conversation, msg: InboundMessage): Promise<void> {
  if (conversation.mode !== 'escalated' || !conversation.escalationId) return;
  const escalation = await deps.escalations.get(conversation.escalationId);
  if (!escalation?.packet || escalation.status === 'resolved') return;
  const who = msg.author.name ?? 'The customer';
  try {
    await deps.gateway.postInternal(escalation.packet, `${who} added: ${msg.text}`);
  } catch (err) {
    deps.log.warn({ err, escalationId: escalation.id }, 'could not mirror the customer message to the specialist thread');
  }
}
