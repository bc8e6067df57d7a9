import type { PacketLocation } from '../../../src/core/escalation/escalation.js';
import type { HandoffPacket } from '../../../src/core/handoff/handoff-packet.js';
import type { ReportView } from '../../../src/core/metrics/report.js';
import type { ChannelRef, ConversationRef } from '../../../src/core/model/conversation-ref.js';
import type { ChatGateway, CustomerMessage, DeliveryPlace, DeliveryTag } from '../../../src/core/ports/chat-gateway.js';
import type { CsatPrompt, LoopGateway } from '../../../src/core/ports/loop-gateway.js';
import type { FakeWorld } from './fake-world.js';
import { FAKE } from './fake-tag.js';

/** Renders every message as plain text and records it in the world, as a chat platform would show it. */
export class FakeGateway implements ChatGateway, LoopGateway {
  constructor(private readonly world: FakeWorld) {}

  private async post(kind: Parameters<FakeWorld['record']>[0]['kind'], channel: string, thread: string | undefined, text: string, delivery?: DeliveryTag): Promise<string> {
    await delivery?.beforeSend?.();
    const id = this.world.nextId();
    this.world.record({ kind, channel, ...(thread ? { thread } : {}), id, text, ...(delivery ? { deliveryId: delivery.id } : {}) });
    return id;
  }

  replyToCustomer(ref: ConversationRef, message: CustomerMessage, delivery?: DeliveryTag): Promise<string> {
    const extra = message.kind === 'choice' ? `\n${message.options.join('\n')}` : '';
    return this.post('customer', ref.channel, ref.thread, `${message.text}${extra}`, delivery);
  }

  async postPacket(channel: ChannelRef, packet: HandoffPacket, delivery?: DeliveryTag): Promise<PacketLocation> {
    const id = await this.post('packet', channel.channel, undefined, `Escalation ${packet.escalationId}: ${packet.summary}`, delivery);
    return { platform: FAKE, channel: channel.channel, messageId: id };
  }

  async updatePacket(at: PacketLocation, packet: HandoffPacket): Promise<void> {
    await this.post('packet-update', at.channel, at.messageId, `Escalation ${packet.escalationId}: ${packet.status}${packet.claimedBy ? ` by ${packet.claimedBy}` : ""}`);
  }

  async postInternal(at: PacketLocation, text: string, delivery?: DeliveryTag): Promise<void> {
    await this.post('internal', at.channel, at.messageId, text, delivery);
  }

  async postAlert(channel: ChannelRef, text: string, delivery: DeliveryTag): Promise<void> {
    await this.post('alert', channel.channel, undefined, text, delivery);
  }

  async findDelivered(place: DeliveryPlace, deliveryId: string): Promise<string | undefined> {
    return this.world.posts.find((p) => p.deliveryId === deliveryId && p.channel === place.channel)?.id;
  }

  async linkTo(): Promise<string | undefined> {
    return undefined;
  }

  async remind(at: PacketLocation, text: string): Promise<void> {
    await this.postInternal(at, text);
  }

  askCsat(ref: ConversationRef, prompt: CsatPrompt): Promise<string> {
    return this.post('csat', ref.channel, ref.thread, prompt.question);
  }

  async thankForCsat(ref: ConversationRef, _messageId: string, text: string): Promise<void> {
    await this.post('customer', ref.channel, ref.thread, text);
  }

  async postDigest(channel: ChannelRef, report: ReportView): Promise<void> {
    await this.post('digest', channel.channel, undefined, `Digest of ${report.request.days} days`);
  }
}
