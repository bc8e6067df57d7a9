import type { InboxItem } from '../../core/ports/inbox.js';
import type { Logger } from '../../core/ports/logger.js';
import type { DeliveryRunner } from '../delivery/delivery-runner.js';
import type { InboxWorker } from './inbox-worker.js';

/**
 * After a group of inbox items was decided (its decision and messages in one conversation write), the
 * items stay in the inbox until the conversation's messages are delivered: a crash before that resumes
 * them, finds them already decided, and finishes the deliveries.
 */
export async function settleGroup(runner: DeliveryRunner, worker: InboxWorker, items: InboxItem[], key: string, recovered: boolean, log: Logger): Promise<void> {
  // Only an item whose deliveries had started can have a message out that Baton never heard back about.
  if (recovered && items.some((i) => i.delivering)) await runner.resume(key);
  void runner
    .settled(key)
    .then(() => Promise.all(items.map((i) => worker.finish(i.id))))
    .catch((err: unknown) => log.error({ err, items: items.map((i) => i.id) }, 'could not clear a delivered inbox item; it is taken again after a restart'));
}
