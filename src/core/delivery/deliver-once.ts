import type { CoreDeps } from '../deps.js';
import type { Clearance, DeliveryPlace, DeliveryTag } from '../ports/chat-gateway.js';
import { deliveryTag } from './delivery-tag.js';
import type { OnceStore } from '../ports/stores.js';

/** A message that belongs to no conversation: its delivery id, where it goes, and how long its record is kept. */
export interface StandaloneMessage {
  id: string;
  place: DeliveryPlace;
  ttlMs: number;
}

export type StandaloneOutcome = 'sent' | 'found' | 'done' | 'failed' | 'waiting';

/** Backoff doubles from 1 s up to this between failed attempts at one message. */
const MAX_BACKOFF_MS = 5 * 60 * 1000;

/**
 * Failed attempts per store, so each running Baton (and each test's store) paces its own retries, like the
 * delivery runner's; correctness does not rest on it (the lock and the markers below do).
 */
const backoffs = new WeakMap<OnceStore, Map<string, { attempts: number; nextAt: number }>>();

/**
 * One attempt at a message no conversation holds (the weekly digest). Its record is two markers in the
 * once store under its delivery id, shared by every instance and kept across a crash: `<id>:tried`, set by
 * its `beforeSend` right before the first send, so every later attempt looks for it on the platform first;
 * and `<id>` itself once it is out, so no later attempt sends it again. Attempts run under the id's lock.
 * The caller attempts again at its next sweep; a failed message waits out its backoff first.
 */
export async function deliverOnce(deps: CoreDeps, message: StandaloneMessage, send: (tag: DeliveryTag) => Promise<Clearance>): Promise<StandaloneOutcome> {
  const { id, place, ttlMs } = message;
  const failures = backoffs.get(deps.once) ?? new Map<string, { attempts: number; nextAt: number }>();
  backoffs.set(deps.once, failures);
  if ((failures.get(id)?.nextAt ?? 0) > Date.now()) return 'waiting';
  try {
    const outcome = await deps.locks.run(`once:${id}`, async () => {
      if (await deps.once.claimed(id)) return 'done' as const;
      const found = (await deps.once.claimed(`${id}:tried`)) ? await deps.gateway.findDelivered(place, id) : undefined;
      if (!found) {
        await send(deliveryTag(id, () => deps.once.claimOnce(`${id}:tried`, ttlMs)));
      }
      await deps.once.claimOnce(id, ttlMs);
      return found ? ('found' as const) : ('sent' as const);
    });
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
