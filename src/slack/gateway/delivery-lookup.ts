import type { ConversationRef } from '../../core/model/conversation-ref.js';
import type { Clearance, DeliveryPlace, DeliveryTag, Sent } from '../../core/ports/chat-gateway.js';
import type { SlackCaller } from './slack-caller.js';

/** Every message Baton posts carries its delivery id as message metadata (chat.postMessage `metadata`). */
const EVENT_TYPE = 'baton_delivery';

export function deliveryMetadata(deliveryId: string): { event_type: string; event_payload: { delivery_id: string } } {
  return { event_type: EVENT_TYPE, event_payload: { delivery_id: deliveryId } };
}

/** The caller runs the hook before every request it sends: a post that went out has its clearance. */
export function ranBeforeSend(cleared: Clearance | undefined): Clearance {
  if (!cleared) throw new Error("a post went out without its delivery's beforeSend");
  return cleared;
}

/** chat.postMessage under a delivery: its id in the metadata, its `beforeSend` run in the channel limiter's slot. */
export async function postTagged(slack: SlackCaller, args: Record<string, unknown> & { channel: string }, delivery: DeliveryTag): Promise<Sent> {
  let cleared: Clearance | undefined;
  const res = await slack.call<{ ts: string }>('chat.postMessage', { ...args, metadata: deliveryMetadata(delivery.id) }, async () => {
    cleared = await delivery.beforeSend();
  });
  return { cleared: ranBeforeSend(cleared), sent: res.ts };
}

interface HistoryPage {
  messages?: { ts: string; metadata?: { event_type?: string; event_payload?: { delivery_id?: string } } }[];
  has_more?: boolean;
  response_metadata?: { next_cursor?: string };
}

const MAX_PAGES = 10;

/**
 * The ts of the message posted under `deliveryId` at `place`, if Slack has it: the thread's replies, or
 * the channel's history since the delivery was recorded. Asked only after an attempt whose outcome is
 * unknown, so a post whose reply was lost is found instead of posted twice.
 */
export async function findByMetadata(slack: SlackCaller, place: DeliveryPlace, deliveryId: string): Promise<string | undefined> {
  const method = place.thread ? 'conversations.replies' : 'conversations.history';
  const oldest = Math.floor(place.since / 1000) - 1;
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const res = await slack
      .call<HistoryPage>(method, {
        channel: place.channel,
        ...(place.thread ? { ts: place.thread } : {}),
        oldest: String(oldest),
        include_all_metadata: true,
        limit: 200,
        ...(cursor ? { cursor } : {}),
      })
      .catch(nothingThere);
    const hit = res.messages?.find((m) => m.metadata?.event_type === EVENT_TYPE && m.metadata.event_payload?.delivery_id === deliveryId);
    if (hit) return hit.ts;
    cursor = res.response_metadata?.next_cursor;
    if (!res.has_more || !cursor) return undefined;
  }
  return undefined;
}

/** A thread Slack does not know holds no reply of ours; any other failure leaves the answer unknown. */
function nothingThere(err: unknown): HistoryPage {
  if ((err as { data?: { error?: string } } | null)?.data?.error === 'thread_not_found') return { messages: [] };
  throw err;
}

/** Slack's permalink shape for a thread: the workspace URL, the channel, the root ts without its dot. */
export function threadLink(workspaceUrl: string, ref: ConversationRef): string {
  const base = workspaceUrl.endsWith('/') ? workspaceUrl : `${workspaceUrl}/`;
  return `${base}archives/${ref.channel}/p${ref.thread.replace('.', '')}`;
}
