import { queueChannel } from '../conversation/accounts.js';
import { deadLetterAlert } from '../copy/delivery-alerts.js';
import type { CoreDeps } from '../deps.js';
import type { DeadLetter } from '../ports/inbox.js';
import { postAlertOnce } from './attempt-delivery.js';
import type { Delivery } from './delivery.js';

const MAX_ERROR_CHARS = 200;

/**
 * One alert in the default queue's channel (where alerts go) for an inbox item set aside as a dead letter.
 * Not recorded in its conversation's outbox: that conversation may be what keeps failing (or was never
 * written). One attempt through the outbox's gateway call, looked for first; if it fails, the log and the
 * metric still say so.
 */
export async function alertDeadLetter(deps: Pick<CoreDeps, 'boards' | 'clock' | 'gateway' | 'log' | 'policy'>, letter: DeadLetter, platform: string): Promise<void> {
  const channel = queueChannel(deps, deps.policy.routing.default_queue, platform);
  if (!channel) return;
  const text = deadLetterAlert({ id: letter.item.id, platform, tries: letter.item.failures ?? 0, error: letter.error.slice(0, MAX_ERROR_CHARS) });
  const alert: Extract<Delivery, { kind: 'alert' }> = { id: `dead-letter:${letter.item.id}:${letter.at}`, kind: 'alert', channel, text, createdAt: deps.clock.now() };
  try {
    await postAlertOnce(deps, alert);
  } catch (err) {
    deps.log.error({ err, item: letter.item.id }, 'could not post the dead-letter alert');
  }
}
