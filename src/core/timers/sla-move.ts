import type { QueuePolicy } from '../../config/policy-schema.js';
import type { LoopDeps } from '../deps.js';
import { withDeliveries } from '../delivery/outbox.js';
import type { Escalation } from '../escalation/escalation.js';
import { packetDeliveryId, packetUpdate } from '../escalation/publish-packet.js';
import { fillCopy } from '../handoff/customer-copy.js';
import { promiseWords } from '../hours/promise-copy.js';
import { slaDueAt, slaLabel } from '../hours/queue-sla.js';
import { escalationFacts } from '../metrics/facts.js';
import { conversationKey } from '../model/conversation-ref.js';
import { dueSlaStep } from './sla-step.js';

/** The escalation in the backup queue with a new promise from now, if it is still unclaimed at breach. */
function moved(e: Escalation, from: QueuePolicy, backup: QueuePolicy, now: number): Escalation | undefined {
  if (e.movedFrom || e.queueId !== from.id || dueSlaStep(escalationFacts(e), now, from) !== 'breached') return undefined;
  const { packet, ...rest } = e;
  return {
    ...rest,
    queueId: backup.id,
    dueAt: slaDueAt(backup, now),
    movedFrom: { queueId: from.id, at: now, ...(packet ? { packet } : {}) },
    history: [...e.history, { type: 'breached', at: now }],
  };
}

/**
 * Nobody claimed it in time: the escalation moves to the queue's backup. The move, the backup queue's
 * packet and the customer's new time are written under the conversation's lock: the escalation first
 * (of two sweepers exactly one moves it), then the messages in the conversation's outbox, which the
 * delivery runner sends and retries like any other: the backup queue's packet, the customer's notice,
 * the first queue's packet showing the breach, and a note in its thread telling its leads where it went.
 */
export async function moveToBackup(deps: Pick<LoopDeps, 'clock' | 'conversations' | 'deliveries' | 'escalations' | 'locks' | 'log' | 'newId' | 'policy'>, e: Escalation, from: QueuePolicy, backup: QueuePolicy, now: number): Promise<boolean> {
  const key = conversationKey(e.conversation);
  const done = await deps.locks.run(`conv:${key}`, async () => {
    const next = await deps.escalations.update(e.id, (current) => {
      const after = moved(current, from, backup, now);
      return { next: after, result: after };
    });
    const conversation = next ? await deps.conversations.get(key) : undefined;
    if (!next || !conversation) return next;
    const text = fillCopy(deps.policy.copy.moved, { role: backup.role, ...promiseWords(now, next.dueAt, backup.hours) });
    const where = `SLA breached: the customer was promised a reply within ${slaLabel(from)} and nobody claimed it, so it moved to the ${backup.role} queue (${backup.id}) with a new promise to the customer.`;
    const written = withDeliveries(conversation, [
      { id: packetDeliveryId(next), kind: 'packet', escalation: next, createdAt: now },
      { id: `${next.id}:moved`, kind: 'customer', purpose: 'notice', message: { kind: 'notice', text }, createdAt: now, escalationId: next.id },
      packetUpdate(deps, next.id, true),
      { id: `${next.id}:moved:note`, kind: 'note', escalationId: next.id, text: where, createdAt: now, mentions: from.leads, firstQueue: true },
    ]);
    await deps.conversations.put(written);
    return next;
  });
  if (!done) return false;
  deps.deliveries?.schedule(key);
  deps.log.info({ escalationId: e.id, from: from.id, to: backup.id, dueAt: new Date(done.dueAt).toISOString() }, 'SLA breached unclaimed; moved to the backup queue');
  return true;
}
