import type { Activity } from '@microsoft/agents-activity';
import type { PacketLocation } from '../../core/escalation/escalation.js';
import type { HandoffPacket } from '../../core/handoff/handoff-packet.js';
import type { ChannelRef } from '../../core/model/conversation-ref.js';
import type { Clearance, DeliveryTag, Sent } from '../../core/ports/chat-gateway.js';
import type { Logger } from '../../core/ports/logger.js';
import { packetActivity } from '../render/packet-card.js';
import { LeadMentions, mentionActivity } from './lead-mentions.js';
import type { QueueReferences } from './queue-references.js';
import type { TeamsSender } from './teams-sender.js';

function note(text: string): Partial<Activity> {
  return { type: 'message', text, textFormat: 'plain' } as Partial<Activity>;
}

/**
 * A specialist queue in a Teams channel of the vendor's team: each packet opens its own thread there
 * as an Adaptive Card, updated in place as it is claimed and closed; follow-ups and reminders are
 * replies under it, alerts new threads.
 */
export class TeamsPackets {
  private readonly leads: LeadMentions;

  constructor(
    private readonly sender: TeamsSender,
    private readonly queues: QueueReferences,
    log: Logger,
  ) {
    this.leads = new LeadMentions(sender, queues, log);
  }

  async postPacket({ channel }: ChannelRef, packet: HandoffPacket, delivery: DeliveryTag): Promise<Sent<PacketLocation>> {
    const reference = await this.queues.channel(channel);
    const cleared = await delivery.beforeSend();
    const root = await this.sender.startThread(reference, packetActivity(packet));
    return { cleared, sent: { platform: 'teams', channel, messageId: root } };
  }

  async updatePacket(at: PacketLocation, packet: HandoffPacket): Promise<void> {
    await this.sender.update(await this.queues.thread({ channel: at.channel, root: at.messageId }), at.messageId, packetActivity(packet));
  }

  /** A reply under the packet; `leads` are mentioned when they are Teams users (Slack leads are mentioned in Slack only). */
  async postInternal(at: PacketLocation, text: string, delivery: DeliveryTag, leads: string[] = []): Promise<Clearance> {
    const people = leads.length > 0 ? await this.leads.resolve(at.channel, leads) : [];
    const thread = await this.queues.thread({ channel: at.channel, root: at.messageId });
    const cleared = await delivery.beforeSend();
    await this.sender.send(thread, people.length > 0 ? mentionActivity(text, people) : note(text));
    return cleared;
  }

  async postAlert({ channel }: ChannelRef, text: string, delivery: DeliveryTag): Promise<Clearance> {
    const reference = await this.queues.channel(channel);
    const cleared = await delivery.beforeSend();
    await this.sender.startThread(reference, note(text));
    return cleared;
  }
}
