import type { CoreDeps } from '../deps.js';
import type { Delivery } from '../delivery/delivery.js';
import { recordDeliveries } from '../delivery/record-deliveries.js';
import type { Escalation } from './escalation.js';

/** A line in the packet thread, as a delivery: posted once the packet is out, retried until it lands. */
export function packetNote(deps: Pick<CoreDeps, 'clock' | 'newId'>, escalation: Escalation, text: string): Delivery {
  return { id: `note:${deps.newId()}`, kind: 'note', escalationId: escalation.id, text, createdAt: deps.clock.now() };
}

/** A line in the packet thread, recorded in the conversation's outbox. */
export async function noteInPacketThread(deps: Pick<CoreDeps, 'clock' | 'conversations' | 'deliveries' | 'locks' | 'newId'>, escalation: Escalation, text: string): Promise<void> {
  await recordDeliveries(deps, escalation.conversation, [packetNote(deps, escalation, text)]);
}
