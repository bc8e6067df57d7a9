import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import type { Logger } from '../../core/ports/logger.js';
import type { Metrics } from '../../core/ports/metrics.js';
import type { InboxWorker } from '../../infra/intake/inbox-worker.js';
import { refusal } from './refusal.js';
import { messageItem } from './slack-inbox-item.js';

/**
 * Puts the inbox in front of Bolt: a customer message is recorded in the store and only then
 * acknowledged (Bolt itself acks events before any listener runs). When the store cannot take it, or
 * the backlog is at its bound, the event is not acknowledged: HTTP answers 500 and Socket Mode sends
 * no ack, so Slack delivers it again. Everything else (interactions, commands, other events) goes to Bolt.
 *
 * Bolt's receivers hand events to whatever `init` gave them; re-initialising the app's own receiver
 * with this gate keeps Bolt's signature checks, body parsing and Socket Mode connection as they are.
 */
export function putInboxFirst(receiver: Receiver, app: App, worker: InboxWorker, metrics: Metrics, socketMode: boolean, log: Logger): void {
  const gate = {
    processEvent: async (event: ReceiverEvent): Promise<void> => {
      const item = messageItem(event.body, Date.now());
      if (item === undefined) return app.processEvent(event);
      if (socketMode) metrics.eventReceived('slack');
      if (item !== null) {
        if (worker.full) {
          log.warn({ item: item.id }, 'intake backlog full; not acknowledging so Slack delivers the event again later');
          throw refusal('BATON_BACKLOG_FULL', 'intake backlog full');
        }
        try {
          await worker.take(item);
          log.debug({ item: item.id, retryNum: event.retryNum, retryReason: event.retryReason }, 'event recorded');
        } catch (err) {
          log.error({ err, item: item.id }, 'event could not be recorded in the store; not acknowledging so Slack retries');
          throw refusal('BATON_NOT_RECORDED', 'event not recorded', err);
        }
      }
      try {
        await event.ack();
      } catch (err) {
        if ((err as { code?: string }).code !== 'ERR_HTTP_HEADERS_SENT') throw err;
        // Recording outlasted Slack's 3 s and slowRequestHandler already answered 500: the event is in the
        // inbox all the same, and Slack's redelivery is taken as the duplicate it is.
        log.info({ item: item?.id }, 'event recorded after its request was answered 500; Slack delivers it again and it is taken once');
        return;
      }
      if (socketMode) metrics.eventAcked('slack');
    },
  };
  receiver.init(gate as unknown as App);
}
