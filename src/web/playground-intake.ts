import { handleMessages } from '../core/conversation/handle-message.js';
import { standsAlone } from '../core/conversation/stands-alone.js';
import type { CoreDeps } from '../core/deps.js';
import { conversationKey } from '../core/model/conversation-ref.js';
import type { InboundMessage } from '../core/model/message.js';
import type { Logger } from '../core/ports/logger.js';
import { InboxWorker } from '../infra/intake/inbox-worker.js';
import { MemoryInbox } from '../infra/intake/memory-inbox.js';
import type { PlaygroundFeed } from './feed.js';
import { whyOf } from './render/why-view.js';

/** Conversations decided at once: one person plays every customer, so a handful is plenty. */
const CONCURRENCY = 8;

export interface PlaygroundIntake {
  /** Queues a customer's message; it is decided at once when it stands alone, else with the ones sent right after it. */
  take(message: InboundMessage): Promise<void>;
  /** Resolves once every message taken is decided (held ones after their window). */
  idle(): Promise<void>;
  /** Decides what is still held now, and takes nothing more. */
  stop(): Promise<void>;
}

/**
 * Customer messages take the path Slack's and Teams' take (InboxWorker): each conversation's messages
 * in order, and the policy's grouping, so a page rehearses exactly what a shared channel would answer.
 * Each message's "Why?" is the decision of the group it was part of.
 */
export function playgroundIntake(core: CoreDeps, feed: PlaygroundFeed, log: Logger): PlaygroundIntake {
  const holdMs = core.policy.grouping.window_seconds * 1000;
  const worker: InboxWorker = new InboxWorker(
    new MemoryInbox(),
    async (items) => {
      const sent = items.map((i) => i.payload as InboundMessage);
      // A message that joined its author's previous new thread is decided in that one's conversation.
      const decided = sent.map((m, i) => ({ ...m, ref: items[i]!.joined ?? m.ref }));
      const why = whyOf(await handleMessages(core, decided));
      // What the messages left to send (a follow-up mirrored to the open packet, say) goes out now, as Slack's intake does.
      for (const key of new Set(decided.map((m) => conversationKey(m.ref)))) core.deliveries?.schedule(key);
      // Each "Why?" stays beside the message where the page showed it.
      for (const { ref, id } of sent) feed.push({ type: 'why', room: ref.channel, thread: ref.thread, messageId: id, why });
      await Promise.all(items.map((i) => worker.finish(i.id)));
    },
    {
      maxDepth: Number.POSITIVE_INFINITY,
      concurrency: CONCURRENCY,
      holdMs: () => holdMs,
      standsAlone: (item) => standsAlone(core, item.payload as InboundMessage),
      joinNewThreads: core.policy.grouping.new_messages,
    },
    log.child({ component: 'intake' }),
  );
  return {
    take: (message) => {
      const { ref, id, author } = message;
      const newThread = ref.thread === id ? { newThread: { by: `web:${ref.channel}:${author.id}`, ref } } : {};
      return worker.take({ id, lane: conversationKey(ref), receivedAt: Date.now(), payload: message, ...newThread });
    },
    idle: () => worker.idle(),
    async stop() {
      worker.stop();
      await worker.idle();
    },
  };
}
