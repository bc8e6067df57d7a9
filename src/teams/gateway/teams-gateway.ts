import type { PacketLocation } from '../../core/escalation/escalation.js';
import type { ReportView } from '../../core/metrics/report.js';
import { conversationKey, type ChannelRef, type ConversationRef } from '../../core/model/conversation-ref.js';
import type { ChatGateway, CustomerMessage } from '../../core/ports/chat-gateway.js';
import type { CsatPrompt, LoopGateway } from '../../core/ports/loop-gateway.js';
import { CHAT_THREAD } from '../normalize/teams-activity.js';
import { cardActivity } from '../render/adaptive-card.js';
import { csatCard, csatThanksCard } from '../render/csat-card.js';
import { renderCustomerActivity } from '../render/customer-activity.js';
import type { ConversationReferences } from './conversation-references.js';
import type { TeamsSender } from './teams-sender.js';

/** Specialist queues, reminders and digests live in Slack: the policy accepts only Slack channels for them. */
function internalOnly(what: string): never {
  throw new Error(`${what} goes to a Slack channel; Teams hosts customer conversations only`);
}

/**
 * Delivers the core's customer messages, rating prompts and thank-yous to Teams, each as a reply in the
 * customer's thread through its stored conversation reference.
 */
export class TeamsGateway implements ChatGateway, LoopGateway {
  constructor(
    private readonly sender: TeamsSender,
    private readonly references: ConversationReferences,
  ) {}

  async replyToCustomer(ref: ConversationRef, message: CustomerMessage): Promise<string> {
    return this.sender.send(await this.references.get(conversationKey(ref)), renderCustomerActivity(message));
  }

  async askCsat(ref: ConversationRef, prompt: CsatPrompt): Promise<string> {
    return this.sender.send(await this.references.get(conversationKey(ref)), cardActivity(csatCard(prompt), prompt.question));
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

  postPacket(): Promise<PacketLocation> {
    return internalOnly('a handoff packet');
  }

  updatePacket(): Promise<void> {
    return internalOnly('a handoff packet');
  }

  postInternal(): Promise<void> {
    return internalOnly('a packet thread reply');
  }

  postAlert(): Promise<void> {
    return internalOnly('a queue alert');
  }

  remind(): Promise<void> {
    return internalOnly('an SLA reminder');
  }

  postDigest(_channel: ChannelRef, _report: ReportView): Promise<void> {
    return internalOnly('the weekly digest');
  }
}
