import type { Conversation } from '../core/conversation/conversation.js';
import type { LoopDeps } from '../core/deps.js';
import { pendingDeliveries } from '../core/delivery/outbox.js';
import { noteLine } from '../core/escalation/internal-note.js';
import { packetToShow } from '../core/escalation/publish-packet.js';
import { conversationKey } from '../core/model/conversation-ref.js';
import type { Logger } from '../core/ports/logger.js';
import type { PlaygroundFeed } from './feed.js';
import { markdownToHtml } from './render/markdown-html.js';

/** How far back the pages are rebuilt: the conversations and escalations a person may still act on. */
const LOOKBACK_MS = 30 * 24 * 60 * 60 * 1000;
const BOT = 'Baton';

/** A playground conversation's turns as the room showed them; a bot message still waiting in the outbox is left for its delivery. */
function replayConversation(feed: PlaygroundFeed, c: Conversation): void {
  const waiting = new Set(pendingDeliveries(c).map((d) => d.id));
  for (const t of c.turns) {
    if (t.deliveryId && waiting.has(t.deliveryId)) continue;
    const role = t.role === 'bot' ? 'bot' : t.role === 'staff' ? 'staff' : 'customer';
    const author = role === 'bot' ? BOT : (t.authorName ?? t.authorId ?? role);
    feed.push({
      type: 'message',
      room: c.ref.channel,
      thread: c.ref.thread,
      id: t.messageId ?? t.deliveryId ?? feed.nextId(),
      role,
      author,
      at: t.at,
      html: markdownToHtml(t.text),
      ...(t.deliveryId ? { deliveryId: t.deliveryId } : {}),
    });
  }
}

/**
 * The playground's pages live in memory; its store outlives them. At start the rooms are rebuilt from
 * the playground's conversations, and every escalation still open or claimed is shown again on its
 * queue's board (its packet re-rendered in place, with its internal notes), so it can be claimed, answered and closed.
 */
export async function rebuildPages(core: LoopDeps, feed: PlaygroundFeed, log: Logger): Promise<void> {
  const now = core.clock.now();
  const [conversations, packets] = await Promise.all([core.loop.facts.conversationsCreated(now - LOOKBACK_MS, now + 1), core.loop.facts.escalationsOpened(now - LOOKBACK_MS, now + 1)]);
  const web = conversations.filter((c) => c.key.startsWith('web:')).sort((a, b) => a.createdAt - b.createdAt);
  for (const facts of web) {
    const c = await core.conversations.get(facts.key);
    if (c) replayConversation(feed, c);
  }
  let shown = 0;
  for (const p of packets.filter((e) => e.status !== 'resolved')) {
    const escalation = await core.escalations.get(p.id);
    if (escalation?.packet?.platform !== 'web') continue;
    // The board lives in this process's memory: showing the packet again sends nothing anywhere.
    const conversation = await core.conversations.get(conversationKey(escalation.conversation));
    const packet = conversation && (await packetToShow(core, escalation, conversation));
    if (packet) await core.gateway.updatePacket(packet.at, packet.packet);
    // The store keeps the internal notes; the packet thread is shown again with them.
    const { channel, messageId } = escalation.packet;
    for (const note of escalation.notes ?? []) feed.push({ type: 'internal', board: channel, id: feed.nextId(), packetId: messageId, text: noteLine(note), at: note.at });
    shown++;
  }
  if (web.length + shown > 0) log.info({ conversations: web.length, escalations: shown }, 'playground pages rebuilt from the store');
}
