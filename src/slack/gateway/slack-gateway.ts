import type { PacketLocation } from '../../core/escalation/escalation.js';
import type { HandoffPacket } from '../../core/handoff/handoff-packet.js';
import type { ChannelRef, ConversationRef } from '../../core/model/conversation-ref.js';
import type { ChatGateway, Clearance, CustomerMessage, DeliveryPlace, DeliveryTag, Sent } from '../../core/ports/chat-gateway.js';
import type { Logger } from '../../core/ports/logger.js';
import { renderCustomerMessage, type SlackMessage } from '../render/customer-message.js';
import { clip, escapeMrkdwn, slackMentions } from '../render/mrkdwn.js';
import { renderPacketMessage } from '../render/packet-message.js';
import type { SlackCaller } from './slack-caller.js';
import { deliveryMetadata, findByMetadata, ranBeforeSend, threadLink } from './delivery-lookup.js';

const REJECTED_BLOCKS = new Set(['invalid_blocks', 'invalid_blocks_format', 'msg_blocks_too_long']);

function platformError(err: unknown): string | undefined {
  return (err as { data?: { error?: string } } | null)?.data?.error;
}

/** Delivers the core's messages to Slack. Renders, posts, and falls back to plain text rather than silence. */
export class SlackGateway implements ChatGateway {
  private workspaceUrl: Promise<string | undefined> | undefined;

  constructor(
    private readonly slack: SlackCaller,
    private readonly log: Logger,
  ) {}

  async replyToCustomer(ref: ConversationRef, message: CustomerMessage, delivery: DeliveryTag): Promise<Sent> {
    return this.post(ref.channel, ref.thread, renderCustomerMessage(message), delivery);
  }

  async postPacket({ channel }: ChannelRef, packet: HandoffPacket, delivery: DeliveryTag): Promise<Sent<PacketLocation>> {
    const { cleared, sent } = await this.post(channel, undefined, renderPacketMessage(packet), delivery);
    return { cleared, sent: { platform: 'slack', channel, messageId: sent } };
  }

  async updatePacket(at: PacketLocation, packet: HandoffPacket): Promise<void> {
    const { text, blocks } = renderPacketMessage(packet);
    await this.slack.call('chat.update', { channel: at.channel, ts: at.messageId, text, blocks });
  }

  async postInternal(at: PacketLocation, text: string, delivery: DeliveryTag, mentions: string[] = []): Promise<Clearance> {
    return (await this.post(at.channel, at.messageId, { text: clip(`${slackMentions(mentions)}${escapeMrkdwn(text)}`, 4000) }, delivery)).cleared;
  }

  /** The alert text is Baton's own (it carries a channel mention), so it is not escaped. */
  async postAlert({ channel }: ChannelRef, text: string, delivery: DeliveryTag): Promise<Clearance> {
    return (await this.post(channel, undefined, { text: clip(text, 4000) }, delivery)).cleared;
  }

  findDelivered(place: DeliveryPlace, deliveryId: string): Promise<string | undefined> {
    return findByMetadata(this.slack, place, deliveryId);
  }

  /** Built from the workspace URL (one auth.test, cached), never a chat.getPermalink per escalation. */
  async linkTo(ref: ConversationRef): Promise<string | undefined> {
    this.workspaceUrl ??= this.slack.call<{ url?: string }>('auth.test', {}).then((r) => r.url);
    const base = await this.workspaceUrl.catch(() => {
      this.workspaceUrl = undefined;
      return undefined;
    });
    return base ? threadLink(base, ref) : undefined;
  }

  /**
   * Posts with the delivery id in the message metadata, its `beforeSend` run in the channel limiter's
   * slot. If Slack rejects the blocks, the same content goes out as text: a message is never dropped.
   */
  private async post(channel: string, threadTs: string | undefined, message: SlackMessage, delivery: DeliveryTag): Promise<Sent> {
    const base = { channel, ...(threadTs ? { thread_ts: threadTs } : {}), metadata: deliveryMetadata(delivery.id), unfurl_links: false, unfurl_media: false };
    let cleared: Clearance | undefined;
    const clear = async () => {
      cleared = await delivery.beforeSend();
    };
    try {
      const res = await this.slack.call<{ ts: string }>('chat.postMessage', { ...base, text: message.text, blocks: message.blocks }, clear);
      return { cleared: ranBeforeSend(cleared), sent: res.ts };
    } catch (err) {
      const code = platformError(err);
      // Slack answered ok:false (other than a rate limit, which the caller already waited out): nothing was posted.
      if (code && code !== 'ratelimited') Object.assign(err as object, { refused: true });
      if (!message.blocks || !code || !REJECTED_BLOCKS.has(code)) throw err;
      this.log.error({ channel, error: code, detail: (err as { data?: unknown }).data }, 'Slack rejected the blocks; sending text only');
      const res = await this.slack.call<{ ts: string }>('chat.postMessage', { ...base, text: message.text }, clear);
      return { cleared: ranBeforeSend(cleared), sent: res.ts };
    }
  }
}
