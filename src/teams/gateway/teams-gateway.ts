import type { PacketLocation } from '../../core/escalation/escalation.js';
import type { ReportView } from '../../core/metrics/report.js';
import { conversationKey, type ChannelRef, type ConversationRef } from '../../core/model/conversation-ref.js';
import type { HandoffPacket } from '../../core/handoff/handoff-packet.js';
import type { ChatGateway, Clearance, CustomerMessage, DeliveryTag, Sent } from '../../core/ports/chat-gateway.js';
import type { Logger } from '../../core/ports/logger.js';
import type { LoopGateway } from '../../core/ports/loop-gateway.js';
import type { CsatPrompt } from '../../core/model/csat-prompt.js';
import { CHAT_THREAD } from '../normalize/teams-activity.js';
import { cardActivity } from '../render/adaptive-card.js';
import { csatCard, csatThanksCard } from '../render/csat-card.js';
import { digestActivity } from '../render/digest-card.js';
import { renderCustomerActivity } from '../render/customer-activity.js';
import type { ConversationReferences } from './conversation-references.js';
import type { QueueReferences } from './queue-references.js';
import { TeamsPackets } from './teams-packets.js';
import type { TeamsSender } from './teams-sender.js';

/**
 * Delivers the core's customer messages, rating prompts and thank-yous to Teams, each as a reply in the
 * customer's thread through its stored conversation reference; packets of a queue in a Teams channel go
 * through TeamsPackets; the weekly digest goes to a leads_channel in Teams.
 */
export class TeamsGateway implements ChatGateway, LoopGateway {
  private readonly packets: TeamsPackets;

  constructor(
    private readonly sender: TeamsSender,
    private readonly references: ConversationReferences,
    private readonly queues: QueueReferences,
    log: Logger,
  ) {
    this.packets = new TeamsPackets(sender, queues, log);
  }

  async replyToCustomer(ref: ConversationRef, message: CustomerMessage, delivery: DeliveryTag): Promise<Sent> {
    const reference = await this.references.get(conversationKey(ref));
    const cleared = await delivery.beforeSend();
    return { cleared, sent: await this.sender.send(reference, renderCustomerActivity(message)) };
  }

  async askCsat(ref: ConversationRef, prompt: CsatPrompt, delivery: DeliveryTag): Promise<Sent> {
    const reference = await this.references.get(conversationKey(ref));
    const cleared = await delivery.beforeSend();
    return { cleared, sent: await this.sender.send(reference, cardActivity(csatCard(prompt), prompt.question)) };
  }

  async thankForCsat(ref: ConversationRef, messageId: string, text: string): Promise<void> {
    await this.sender.update(await this.references.get(conversationKey(ref)), messageId, cardActivity(csatThanksCard(text), text));
  }

  /** The Bot Connector cannot look a message up by Baton's delivery id, so an unconfirmed send is sent again. */
  async findDelivered(): Promise<string | undefined> {
    return undefined;
  }

  /** A deep link to the thread (channels) or the chat, for the packet. */
  async linkTo(ref: ConversationRef): Promise<string | undefined> {
    const chat = encodeURIComponent(ref.channel);
    return ref.thread === CHAT_THREAD ? `https://teams.microsoft.com/l/chat/${chat}/0` : `https://teams.microsoft.com/l/message/${chat}/${ref.thread}`;
  }

  postPacket(channel: ChannelRef, packet: HandoffPacket, delivery: DeliveryTag): Promise<Sent<PacketLocation>> {
    return this.packets.postPacket(channel, packet, delivery);
  }

  updatePacket(at: PacketLocation, packet: HandoffPacket): Promise<void> {
    return this.packets.updatePacket(at, packet);
  }

  postInternal(at: PacketLocation, text: string, delivery: DeliveryTag, mentions?: string[]): Promise<Clearance> {
    return this.packets.postInternal(at, text, delivery, mentions);
  }

  postAlert(channel: ChannelRef, text: string, delivery: DeliveryTag): Promise<Clearance> {
    return this.packets.postAlert(channel, text, delivery);
  }

  /** The weekly digest in a leads_channel of the vendor's team: a thread of its own. */
  async postDigest({ channel }: ChannelRef, report: ReportView, delivery: DeliveryTag): Promise<Clearance> {
    const reference = await this.queues.channel(channel);
    const cleared = await delivery.beforeSend();
    await this.sender.startThread(reference, digestActivity(report));
    return cleared;
  }
}
