import type { PacketLocation } from '../../core/escalation/escalation.js';
import type { HandoffPacket } from '../../core/handoff/handoff-packet.js';
import type { ConversationRef } from '../../core/model/conversation-ref.js';
import type { ChatGateway, CustomerMessage } from '../../core/ports/chat-gateway.js';
import type { Logger } from '../../core/ports/logger.js';
import { renderCustomerMessage, type SlackMessage } from '../render/customer-message.js';
import { clip, escapeMrkdwn } from '../render/mrkdwn.js';
import { renderPacketMessage } from '../render/packet-message.js';
import type { SlackCaller } from './slack-caller.js';

const REJECTED_BLOCKS = new Set(['invalid_blocks', 'invalid_blocks_format', 'msg_blocks_too_long']);

function platformError(err: unknown): string | undefined {
  return (err as { data?: { error?: string } } | null)?.data?.error;
}

/** Delivers the core's messages to Slack. Renders, posts, and falls back to plain text rather than silence. */
export class SlackGateway implements ChatGateway {
  constructor(
    private readonly slack: SlackCaller,
    private readonly log: Logger,
  ) {}

  async replyToCustomer(ref: ConversationRef, message: CustomerMessage): Promise<string> {
    return this.post(ref.channel, ref.thread, renderCustomerMessage(message));
  }

  async postPacket(channel: string, packet: HandoffPacket): Promise<PacketLocation> {
    const messageId = await this.post(channel, undefined, renderPacketMessage(packet));
    return { channel, messageId };
  }

  async updatePacket(at: PacketLocation, packet: HandoffPacket): Promise<void> {
    const { text, blocks } = renderPacketMessage(packet);
    await this.slack.call('chat.update', { channel: at.channel, ts: at.messageId, text, blocks });
  }

  async postInternal(at: PacketLocation, text: string): Promise<void> {
    await this.post(at.channel, at.messageId, { text: clip(escapeMrkdwn(text), 4000) });
  }

  async linkTo(ref: ConversationRef): Promise<string | undefined> {
    const res = await this.slack.call<{ permalink?: string }>('chat.getPermalink', { channel: ref.channel, message_ts: ref.thread });
    return res.permalink;
  }

  /** If Slack rejects the blocks, the same content goes out as text: a message is never dropped. */
  private async post(channel: string, threadTs: string | undefined, message: SlackMessage): Promise<string> {
    const base = { channel, ...(threadTs ? { thread_ts: threadTs } : {}), unfurl_links: false, unfurl_media: false };
    try {
      const res = await this.slack.call<{ ts: string }>('chat.postMessage', { ...base, text: message.text, blocks: message.blocks });
      return res.ts;
    } catch (err) {
      const code = platformError(err);
      if (!message.blocks || !code || !REJECTED_BLOCKS.has(code)) throw err;
      this.log.error({ channel, error: code, detail: (err as { data?: unknown }).data }, 'Slack rejected the blocks; sending text only');
      const res = await this.slack.call<{ ts: string }>('chat.postMessage', { ...base, text: message.text });
      return res.ts;
    }
  }
}
