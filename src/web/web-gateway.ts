import type { PacketLocation } from '../core/escalation/escalation.js';
import type { HandoffPacket } from '../core/handoff/handoff-packet.js';
import type { ReportView } from '../core/metrics/report.js';
import { answerRefValue } from '../core/model/answer-ref.js';
import type { ChannelRef, ConversationRef } from '../core/model/conversation-ref.js';
import type { ChatGateway, Clearance, CustomerMessage, DeliveryPlace, DeliveryTag, Sent } from '../core/ports/chat-gateway.js';
import type { LoopGateway } from '../core/ports/loop-gateway.js';
import type { CsatPrompt } from '../core/model/csat-prompt.js';
import { trendChartSvg } from '../infra/chart/trend-chart-svg.js';
import type { PlaygroundFeed } from './feed.js';
import type { RoomMessage } from './render/events.js';
import { escapeHtml, markdownToHtml } from './render/markdown-html.js';

const BOT = 'Baton';

/**
 * The playground shows a clarifying question's readings as a list the customer answers by typing (the
 * core reads which one a reply names), and its way to a person as the usual button.
 */
function choiceView(message: Extract<CustomerMessage, { kind: 'choice' }>): Pick<RoomMessage, 'html' | 'offerHuman'> {
  const options = message.options.map((o) => `<li>${escapeHtml(o)}</li>`).join('');
  return { html: `${escapeHtml(message.text)}<ul>${options}</ul>`, offerHuman: { label: message.other.label, footer: '', conversationKey: message.other.conversationKey } };
}

/** Baton's draft in a packet is Markdown, like its answers: the board shows it rendered the same way. */
function draftHtml(packet: HandoffPacket): { draftHtml?: string } {
  return packet.draftAnswer ? { draftHtml: markdownToHtml(packet.draftAnswer.text) } : {};
}

/** Delivers the core's messages to the playground's pages: renders each to what the page shows and pushes it on the feed. */
export class WebGateway implements ChatGateway, LoopGateway {
  constructor(private readonly feed: PlaygroundFeed) {}

  async replyToCustomer(ref: ConversationRef, message: CustomerMessage, delivery: DeliveryTag): Promise<Sent> {
    const cleared = await delivery.beforeSend();
    const id = this.feed.nextId();
    const base = { type: 'message' as const, room: ref.channel, thread: ref.thread, id, role: 'bot' as const, author: BOT, at: Date.now(), deliveryId: delivery.id };
    if (message.kind === 'notice') this.feed.push({ ...base, html: escapeHtml(message.text) });
    else if (message.kind === 'choice') this.feed.push({ ...base, ...choiceView(message) });
    else {
      const { feedback } = message;
      const votes = feedback ? { feedback: { helpful: feedback.helpful, notHelpful: feedback.notHelpful, answer: answerRefValue(feedback.answer) } } : {};
      this.feed.push({ ...base, html: markdownToHtml(message.text), sources: message.citations.map(({ source: _staffOnly, ...shown }) => shown), offerHuman: message.offerHuman, ...votes });
    }
    return { cleared, sent: id };
  }

  async postPacket({ channel }: ChannelRef, packet: HandoffPacket, delivery: DeliveryTag): Promise<Sent<PacketLocation>> {
    const cleared = await delivery.beforeSend();
    const id = this.feed.nextId();
    this.feed.push({ type: 'packet', board: channel, id, at: Date.now(), packet, ...draftHtml(packet), deliveryId: delivery.id });
    return { cleared, sent: { platform: 'web', channel, messageId: id } };
  }

  /** The page replaces the packet it shows under the same id; after a restart it shows again, at the time its id was given. */
  async updatePacket(at: PacketLocation, packet: HandoffPacket): Promise<void> {
    const first = this.feed.find((e) => e.type === 'packet' && e.id === at.messageId);
    const posted = first?.type === 'packet' ? first.at : Number.parseInt(at.messageId, 10) || Date.now();
    this.feed.push({ type: 'packet', board: at.channel, id: at.messageId, at: posted, packet, ...draftHtml(packet) });
  }

  async postInternal(at: PacketLocation, text: string, delivery: DeliveryTag, mentions: string[] = []): Promise<Clearance> {
    const cleared = await delivery.beforeSend();
    const who = mentions.length > 0 ? ` (for ${mentions.join(', ')})` : '';
    this.feed.push({ type: 'internal', board: at.channel, id: this.feed.nextId(), packetId: at.messageId, text: `${text}${who}`, at: Date.now(), deliveryId: delivery.id });
    return cleared;
  }

  async postAlert({ channel }: ChannelRef, text: string, delivery: DeliveryTag): Promise<Clearance> {
    const cleared = await delivery.beforeSend();
    this.feed.push({ type: 'alert', board: channel, id: this.feed.nextId(), text, at: Date.now(), deliveryId: delivery.id });
    return cleared;
  }

  async findDelivered(place: DeliveryPlace, deliveryId: string): Promise<string | undefined> {
    const found = this.feed.find((e) => 'deliveryId' in e && e.deliveryId === deliveryId && ('room' in e ? e.room : e.board) === place.channel);
    return found && 'id' in found ? found.id : undefined;
  }

  /** The playground's rooms have no addresses of their own. */
  async linkTo(): Promise<string | undefined> {
    return undefined;
  }

  async askCsat(ref: ConversationRef, prompt: CsatPrompt, delivery: DeliveryTag): Promise<Sent> {
    const cleared = await delivery.beforeSend();
    const id = this.feed.nextId();
    this.feed.push({ type: 'message', room: ref.channel, thread: ref.thread, id, role: 'bot', author: BOT, at: Date.now(), html: escapeHtml(prompt.question), csat: prompt, deliveryId: delivery.id });
    return { cleared, sent: id };
  }

  async thankForCsat(ref: ConversationRef, messageId: string, text: string): Promise<void> {
    this.feed.push({ type: 'csat-done', room: ref.channel, id: messageId, text });
  }

  async postDigest({ channel }: ChannelRef, report: ReportView, delivery: DeliveryTag): Promise<Clearance> {
    const cleared = await delivery.beforeSend();
    const title = `Weekly digest: escalation rate and CSAT, last ${report.request.days} days`;
    this.feed.push({ type: 'digest', room: channel, id: this.feed.nextId(), at: Date.now(), title, svg: trendChartSvg(title, report.series), deliveryId: delivery.id });
    return cleared;
  }
}
