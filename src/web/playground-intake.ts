import { handleMessages } from '../core/conversation/handle-message.js';
import type { CoreDeps } from '../core/deps.js';
import { conversationKey } from '../core/model/conversation-ref.js';
import type { InboundMessage } from '../core/model/message.js';
import type { InboxItem } from '../core/ports/inbox.js';
import type { Logger } from '../core/ports/logger.js';
import type { DeliveryRunner } from '../infra/delivery/delivery-runner.js';
import type { InboxWorker } from '../infra/intake/inbox-worker.js';
import { settleGroup } from '../infra/intake/settle-group.js';
import type { PlatformIntake } from '../platform/platform.js';
import type { PlaygroundFeed } from './feed.js';
import { whyOf } from './render/why-view.js';

export interface PlaygroundIntake {
  /** Records a customer's message in the inbox; it is decided at once when it stands alone, else with the ones sent right after it. */
  take(message: InboundMessage): Promise<void>;
  /** Resolves once every message taken is decided (held ones after their window) and what they sent is delivered. */
  idle(): Promise<void>;
}

export interface IntakeParts {
  core: CoreDeps;
  feed: PlaygroundFeed;
  runner: DeliveryRunner;
  worker(): InboxWorker;
  /** The shared inbox's intake (ServeContext.take). */
  add(item: InboxItem): Promise<void>;
  log: Logger;
}

/**
 * Customer messages take the path Slack's and Teams' take: into the one inbox, each conversation's
 * messages in order and grouped as the policy says, so a page rehearses exactly what a shared channel
 * would answer. Each message's "Why?" is the decision of the group it was part of.
 */
export function playgroundIntake(parts: IntakeParts): PlaygroundIntake & PlatformIntake {
  const { core, feed, runner, worker, log } = parts;
  return {
    take(message) {
      const { ref, id, author } = message;
      const newThread = ref.thread === id ? { newThread: { by: `web:${ref.channel}:${author.id}`, ref } } : {};
      return parts.add({ id, lane: conversationKey(ref), receivedAt: Date.now(), payload: message, ...newThread });
    },
    async idle() {
      await worker().idle();
      await runner.idle();
    },
    async handle(items, recovered) {
      const sent = items.map((i) => i.payload as InboundMessage);
      // A message that joined its author's previous new thread is decided in that one's conversation.
      const decided = sent.map((m, i) => ({ ...m, ref: items[i]!.joined ?? m.ref }));
      const why = whyOf(await handleMessages(core, decided), core.policy);
      // Each "Why?" stays beside the message where the page showed it.
      for (const { ref, id } of sent) feed.push({ type: 'why', room: ref.channel, thread: ref.thread, messageId: id, why });
      await settleGroup(runner, worker(), items, conversationKey(decided[0]!.ref), recovered, log);
    },
    heldMessage: (item) => item.payload as InboundMessage,
  };
}
