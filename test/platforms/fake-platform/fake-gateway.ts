import type { PacketLocation } from '../../../src/core/escalation/escalation.js';
import type { HandoffPacket } from '../../../src/core/handoff/handoff-packet.js';
import type { ReportView } from '../../../src/core/metrics/report.js';
import type { ChannelRef, ConversationRef } from '../../../src/core/model/conversation-ref.js';
import type { ChatGateway, Clearance, CustomerMessage, DeliveryPlace, DeliveryTag, Sent } from '../../../src/core/ports/chat-gateway.js';
import type { LoopGateway } from '../../../src/core/ports/loop-gateway.js';
import type { CsatPrompt } from '../../../src/core/model/csat-prompt.js';
import type { FakePost, FakeWorld } from './fake-world.js';
import { FAKE } from './fake-tag.js';

/** Renders every message as plain text and records it in the world, as a chat platform would show it. */
export class FakeGateway implements ChatGateway, LoopGateway {
  constructor(private readonly world: FakeWorld) {}

  private record(kind: FakePost['kind'], channel: string, thread: string | undefined, text: string, deliveryId?: string): string {
    const id = this.world.nextId();
    this.world.record({ kind, channel, ...(thread ? { thread } : {}), id, text, ...(deliveryId ? { deliveryId } : {}) });
    return id;
  }

  /** A recorded delivery: cleared by the outbox just before it goes out, as every gateway must, then refused if the platform is failing. */
  private async deliver(kind: FakePost['kind'], channel: string, thread: string | undefined, text: string, delivery: DeliveryTag): Promise<Sent> {
    const cleared = await delivery.beforeSend();
    this.world.refuseIfFailing();
    return { cleared, sent: this.record(kind, channel, thread, text, delivery.id) };
  }

  replyToCustomer(ref: ConversationRef, message: CustomerMessage, delivery: DeliveryTag): Promise<Sent> {
    const extra = message.kind === 'choice' ? `\n${message.options.join('\n')}` : '';
    return this.deliver('customer', ref.channel, ref.thread, `${message.text}${extra}`, delivery);
  }

  async postPacket(channel: ChannelRef, packet: HandoffPacket, delivery: DeliveryTag): Promise<Sent<PacketLocation>> {
    const { cleared, sent } = await this.deliver('packet', channel.channel, undefined, `Escalation ${packet.escalationId}: ${packet.summary}`, delivery);
    return { cleared, sent: { platform: FAKE, channel: channel.channel, messageId: sent } };
  }

  async updatePacket(at: PacketLocation, packet: HandoffPacket): Promise<void> {
    this.record('packet-update', at.channel, at.messageId, `Escalation ${packet.escalationId}: ${packet.status}${packet.claimedBy ? ` by ${packet.claimedBy}` : ''}`);
  }

  async postInternal(at: PacketLocation, text: string, delivery: DeliveryTag): Promise<Clearance> {
    return (await this.deliver('internal', at.channel, at.messageId, text, delivery)).cleared;
  }

  async postAlert(channel: ChannelRef, text: string, delivery: DeliveryTag): Promise<Clearance> {
    return (await this.deliver('alert', channel.channel, undefined, text, delivery)).cleared;
  }

  async findDelivered(place: DeliveryPlace, deliveryId: string): Promise<string | undefined> {
    return this.world.posts.find((p) => p.deliveryId === deliveryId && p.channel === place.channel)?.id;
  }

  async linkTo(): Promise<string | undefined> {
    return undefined;
  }

  askCsat(ref: ConversationRef, prompt: CsatPrompt, delivery: DeliveryTag): Promise<Sent> {
    return this.deliver('csat', ref.channel, ref.thread, prompt.question, delivery);
  }

  async thankForCsat(ref: ConversationRef, _messageId: string, text: string): Promise<void> {
    this.record('customer', ref.channel, ref.thread, text);
  }

  async postDigest(channel: ChannelRef, report: ReportView, delivery: DeliveryTag): Promise<Clearance> {
    const rate = report.current.escalationRate;
    const text = `Digest of ${report.request.days} days: escalation rate ${rate === undefined ? 'n/a' : `${Math.round(rate * 100)}%`}`;
    return (await this.deliver('digest', channel.channel, undefined, text, delivery)).cleared;
  }
}
