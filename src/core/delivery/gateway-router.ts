import type { PacketLocation } from '../escalation/escalation.js';
import type { HandoffPacket } from '../handoff/handoff-packet.js';
import type { ReportView } from '../metrics/report.js';
import type { ChannelRef, ConversationRef, Platform } from '../model/conversation-ref.js';
import type { ChatGateway, Clearance, CustomerMessage, DeliveryPlace, DeliveryTag, Sent } from '../ports/chat-gateway.js';
import type { LoopGateway } from '../ports/loop-gateway.js';
import type { CsatPrompt } from '../model/csat-prompt.js';

/** One adapter per platform Baton runs on; a platform left out has no adapter in this process. */
export type ByPlatform<G> = Partial<Record<Platform, G>>;

/** A delivery for a platform with no adapter running: a config or routing mistake, so it is rejected loudly. */
export class NoAdapterError extends Error {
  constructor(readonly platform: Platform) {
    super(`no ${platform} adapter is running, so nothing can be delivered to ${platform}`);
  }
}

/** The adapter of one platform, or NoAdapterError. */
export function pick<G>(adapters: ByPlatform<G>, platform: Platform): G {
  const adapter = adapters[platform];
  if (!adapter) throw new NoAdapterError(platform);
  return adapter;
}

/** Sends each delivery to the adapter of the platform it is addressed to, so the core never names one. */
export class ChatGatewayRouter implements ChatGateway {
  constructor(private readonly adapters: ByPlatform<ChatGateway>) {}

  async replyToCustomer(ref: ConversationRef, message: CustomerMessage, delivery: DeliveryTag): Promise<Sent> {
    return pick(this.adapters, ref.platform).replyToCustomer(ref, message, delivery);
  }

  async postPacket(channel: ChannelRef, packet: HandoffPacket, delivery: DeliveryTag): Promise<Sent<PacketLocation>> {
    return pick(this.adapters, channel.platform).postPacket(channel, packet, delivery);
  }

  async updatePacket(at: PacketLocation, packet: HandoffPacket): Promise<void> {
    return pick(this.adapters, at.platform).updatePacket(at, packet);
  }

  async postInternal(at: PacketLocation, text: string, delivery: DeliveryTag, mentions?: string[]): Promise<Clearance> {
    return pick(this.adapters, at.platform).postInternal(at, text, delivery, mentions);
  }

  async postAlert(channel: ChannelRef, text: string, delivery: DeliveryTag): Promise<Clearance> {
    return pick(this.adapters, channel.platform).postAlert(channel, text, delivery);
  }

  async findDelivered(place: DeliveryPlace, deliveryId: string): Promise<string | undefined> {
    return pick(this.adapters, place.platform).findDelivered(place, deliveryId);
  }

  async linkTo(ref: ConversationRef): Promise<string | undefined> {
    return pick(this.adapters, ref.platform).linkTo(ref);
  }
}

/** The loop's deliveries (reminders, rating prompts, digests), routed the same way. */
export class LoopGatewayRouter implements LoopGateway {
  constructor(private readonly adapters: ByPlatform<LoopGateway>) {}

  async askCsat(ref: ConversationRef, prompt: CsatPrompt, delivery: DeliveryTag): Promise<Sent> {
    return pick(this.adapters, ref.platform).askCsat(ref, prompt, delivery);
  }

  async thankForCsat(ref: ConversationRef, messageId: string, text: string): Promise<void> {
    return pick(this.adapters, ref.platform).thankForCsat(ref, messageId, text);
  }

  async postDigest(channel: ChannelRef, report: ReportView, delivery: DeliveryTag): Promise<Clearance> {
    return pick(this.adapters, channel.platform).postDigest(channel, report, delivery);
  }
}
