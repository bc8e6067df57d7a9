import type { App, HTTPReceiver } from '@slack/bolt';
import type { Metrics } from '../core/ports/metrics.js';
import type { HttpServer } from '../http/http-server.js';
import { SLACK_EVENTS_PATH } from './create-slack-app.js';

/** HTTP mode: Slack's events and interactions reach Bolt's receiver (which verifies the signature) on the shared server. */
export function serveSlackEvents(server: HttpServer, receiver: HTTPReceiver, metrics: Metrics): void {
  server.route('POST', SLACK_EVENTS_PATH, (req, res) => {
    metrics.eventReceived('slack');
    res.once('finish', () => {
      if (res.statusCode >= 200 && res.statusCode < 300) metrics.eventAcked('slack');
    });
    return receiver.requestListener(req, res);
  });
}

/**
 * Counts every event Bolt hands to the listeners as processed once they finish. In Socket Mode there is
 * no HTTP request to count, and Bolt acks the envelope as it dispatches it, so it is received and acked here.
 */
export function countSlackEvents(app: App, metrics: Metrics, socketMode: boolean): void {
  app.use(async ({ next }) => {
    if (socketMode) {
      metrics.eventReceived('slack');
      metrics.eventAcked('slack');
    }
    try {
      await next();
      metrics.eventProcessed('slack', 'ok');
    } catch (err) {
      metrics.eventProcessed('slack', 'error');
      throw err;
    }
  });
}
