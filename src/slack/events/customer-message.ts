import type { App } from '@slack/bolt';
import { handleMessage } from '../../core/conversation/handle-message.js';
import { normalizeMessageEvent } from '../normalize/message-event.js';
import type { SlackDeps } from '../slack-deps.js';

/**
 * Messages and @mentions in customer channels. Bolt has acked the event already; the same message
 * arriving as both `message` and `app_mention`, or again as a retry, is acted on once by the core.
 */
export function registerCustomerMessages(app: App, deps: SlackDeps): void {
  const listener = async ({ event, context }: { event: unknown; context: { botUserId?: string; retryNum?: number } }) => {
    const inbound = normalizeMessageEvent(event, context.botUserId);
    if (!inbound) return;
    const log = deps.log.child({ channel: inbound.message.ref.channel, thread: inbound.message.ref.thread, retryNum: context.retryNum });
    const { channel, thread } = inbound.message.ref;
    try {
      // One thread's messages are taken in the order they arrived: a slow author look-up for a staff
      // reply must not let the customer's next message overtake it.
      const outcome = await deps.core.locks.run(`arrival:${channel}:${thread}`, async () => {
        const author = await deps.directory.author(inbound.userId, inbound.userTeam);
        return handleMessage(deps.core, { ...inbound.message, author });
      });
      log.debug({ outcome: outcome.kind }, 'message handled');
    } catch (err) {
      log.error({ err }, 'message handling failed');
    }
  };
  app.event('message', listener);
  app.event('app_mention', listener);
}
