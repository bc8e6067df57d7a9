import type { Conversation } from '../conversation/conversation.js';
import type { CoreDeps } from '../deps.js';
import { withDeliveries } from '../delivery/outbox.js';
import type { Escalation } from '../escalation/escalation.js';
import { newPacket } from '../escalation/open-escalation.js';
import { COPILOT, type Decision } from '../model/decision.js';

/**
 * Copilot mode: instead of answering, Baton puts its answer in front of a specialist as a draft packet
 * in the routed queue, and says nothing to the customer. Like a handoff, the conversation waits for
 * people (the customer's follow-ups are mirrored into the packet thread) in one conversation write with
 * the packet's delivery; unlike one, the customer gets no notice, since nobody promised them anything.
 */
export async function recordDraft(deps: Pick<CoreDeps, 'clock' | 'log' | 'newId' | 'onboarding' | 'policy'>, conversation: Conversation, decision: Decision): Promise<{ conversation: Conversation; escalation: Escalation }> {
  const { escalation: packet, queue } = await newPacket(deps, conversation, decision, COPILOT);
  const escalation: Escalation = { ...packet, draft: { state: 'pending' } };
  const waiting: Conversation = { ...conversation, mode: 'escalated', escalationId: escalation.id, updatedAt: escalation.openedAt };
  const next = withDeliveries(waiting, [{ id: `${escalation.id}:packet`, kind: 'packet', escalation, createdAt: escalation.openedAt }]);
  deps.log.info({ escalationId: escalation.id, conversation: conversation.key, queue: queue.id }, 'copilot draft queued for review');
  return { conversation: next, escalation };
}
