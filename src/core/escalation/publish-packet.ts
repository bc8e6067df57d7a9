import type { Conversation } from '../conversation/conversation.js';
import { accountById, queueById } from '../conversation/accounts.js';
import type { CoreDeps } from '../deps.js';
import { conversationKey } from '../model/conversation-ref.js';
import { buildHandoffPacket } from '../handoff/handoff-packet.js';
import type { Escalation } from './escalation.js';

function packetFor(deps: CoreDeps, escalation: Escalation, conversation: Conversation, link?: string) {
  const account = accountById(deps.policy, escalation.accountId);
  const queue = queueById(deps.policy, escalation.queueId);
  if (!account || !queue) return undefined;
  return buildHandoffPacket({ escalation, conversation, account, queue, page: escalation.page, conversationLink: link });
}

/**
 * Posts the packet for a new escalation and remembers where it went. A failure is logged and the
 * escalation stays stored without a packet location, so a later refresh can post it again.
 */
export async function publishPacket(deps: CoreDeps, escalation: Escalation, conversation: Conversation): Promise<Escalation | undefined> {
  const link = await deps.gateway.linkTo(conversation.ref).catch(() => undefined);
  const packet = packetFor(deps, escalation, conversation, link);
  const queue = queueById(deps.policy, escalation.queueId);
  if (!packet || !queue) return undefined;
  try {
    const location = await deps.gateway.postPacket(queue.channel, packet);
    return deps.escalations.update(escalation.id, (current) => {
      const next = { ...current, packet: location, conversationLink: link };
      return { next, result: next };
    });
  } catch (err) {
    deps.log.error({ err, escalationId: escalation.id }, 'handoff packet could not be posted');
    return undefined;
  }
}

/** Re-renders the packet in place after a claim, release or close; posts it if it never went out. */
export async function refreshPacket(deps: CoreDeps, escalation: Escalation): Promise<void> {
  const conversation = await deps.conversations.get(conversationKey(escalation.conversation));
  if (!conversation) return;
  if (!escalation.packet) {
    await publishPacket(deps, escalation, conversation);
    return;
  }
  const packet = packetFor(deps, escalation, conversation, escalation.conversationLink);
  if (!packet) return;
  try {
    await deps.gateway.updatePacket(escalation.packet, packet);
  } catch (err) {
    deps.log.error({ err, escalationId: escalation.id }, 'handoff packet could not be updated');
  }
}
