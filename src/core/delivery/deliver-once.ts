import type { CoreDeps } from '../deps.js';
import type { Clearance, DeliveryPlace, DeliveryTag, Sent } from '../ports/chat-gateway.js';
import { deliveryTag } from './delivery-tag.js';
import type { OnceStore } from '../ports/stores.js';

/** A message that belongs to no conversation: its delivery id, where it goes, and how long its record is kept. */
export interface StandaloneMessage {
  id: string;
  place: DeliveryPlace;
  ttlMs: number;
}

export type StandaloneOutcome = 'sent' | 'found' | 'done' | 'failed' | 'waiting';

/** What one send of a standalone message did, and the platform's id for the message when it is known. */
export interface SendResult {
  outcome: 'sent' | 'found' | 'done';
  messageId?: string;
}

type OnceDeps = Pick<CoreDeps, 'once' | 'locks' | 'gateway'>;

/** Backoff doubles from 1 s up to this between failed attempts at one message. */
const MAX_BACKOFF_MS = 5 * 60 * 1000;

/**
 * Failed attempts per store, so each running Baton (and each test's store) paces its own retries, like the
 * delivery runner's; correctness does not rest on it (the lock and the markers below do).
 */
const backoffs = new WeakMap<OnceStore, Map<string, { attempts: number; nextAt: number }>>();

/**
 * The send step of a standalone message, for a caller that records it as sent itself (under a lock of its
 * own, as onboarding records the leads' message with its channel): its `beforeSend` sets `<id>:tried` in the
 * once store right before the first send, so every later attempt looks for it on the platform first and
 * sends only when the platform has no such message. A throw means this attempt failed.
 */
export async function lookThenSend(deps: OnceDeps, message: StandaloneMessage, send: (tag: DeliveryTag) => Promise<Clearance | Sent>): Promise<SendResult> {
  const { id, place, ttlMs } = message;
  const found = (await deps.once.claimed(`${id}:tried`)) ? await deps.gateway.findDelivered(place, id) : undefined;
  if (found) return { outcome: 'found', messageId: found };
  const result = await send(deliveryTag(id, () => deps.once.claimOnce(`${id}:tried`, ttlMs)));
  return { outcome: 'sent', ...('sent' in result && typeof result.sent === 'string' ? { messageId: result.sent } : {}) };
}

/**
 * One attempt at a message no conversation holds (the weekly digest, a note for the leads), under the id's
 * lock: sent (or found) by lookThenSend, then recorded as out under `<id>` itself, shared by every instance
 * and kept across a crash, so no later attempt sends it again. A throw means this attempt failed; the caller
 * retries (the inbox does, then sets the item aside with its alert).
 */
export async function sendOnce(deps: OnceDeps, message: StandaloneMessage, send: (tag: DeliveryTag) => Promise<Clearance | Sent>): Promise<SendResult> {
  return deps.locks.run(`once:${message.id}`, async () => {
    if (await deps.once.claimed(message.id)) return { outcome: 'done' as const };
    const result = await lookThenSend(deps, message, send);
    await deps.once.claimOnce(message.id, message.ttlMs);
    return result;
  });
}

/**
 * sendOnce for a caller that attempts again at its next sweep: a failure is logged, and the message waits
 * out its backoff before the next attempt.
 */
export async function deliverOnce(deps: Pick<CoreDeps, 'gateway' | 'locks' | 'log' | 'once'>, message: StandaloneMessage, send: (tag: DeliveryTag) => Promise<Clearance>): Promise<StandaloneOutcome> {
  const { id } = message;
  const failures = backoffs.get(deps.once) ?? new Map<string, { attempts: number; nextAt: number }>();
  backoffs.set(deps.once, failures);
  if ((failures.get(id)?.nextAt ?? 0) > Date.now()) return 'waiting';
  try {
    const { outcome } = await sendOnce(deps, message, send);
    failures.delete(id);
    return outcome;
  } catch (err) {
    const attempts = (failures.get(id)?.attempts ?? 0) + 1;
    const retryInMs = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (attempts - 1));
    failures.set(id, { attempts, nextAt: Date.now() + retryInMs });
    deps.log.warn({ err, delivery: id, retryInMs }, 'delivery attempt failed; it will be retried');
    return 'failed';
  }
}
