import type { ChannelRef, Platform } from '../../core/model/conversation-ref.js';
import type { Clearance, DeliveryTag, Sent } from '../../core/ports/chat-gateway.js';
import type { HeldMessage, LeadsOnboardingGateway, OfferLocation, OnboardingView } from '../../core/ports/onboarding.js';
import type { Activity } from '@microsoft/agents-activity';
import { type AdaptiveCard, cardActivity } from '../render/adaptive-card.js';
import { heldActivity, onboardingCard, onboardingSummary } from '../render/onboarding-card.js';
import type { LeadMentions } from './lead-mentions.js';
import type { QueueReferences } from './queue-references.js';
import type { TeamsSender } from './teams-sender.js';

/**
 * The leads' conversation about new customer conversations, in a channel of the vendor's team in Teams
 * (leads_channel, else the default queue's channel): one thread per conversation, its card updated in
 * place as a lead maps it and approves its introduction; held customer messages are replies under it.
 */
export class TeamsOnboardingGateway implements LeadsOnboardingGateway {
  constructor(
    private readonly sender: TeamsSender,
    private readonly queues: QueueReferences,
    /** Names the leads who mapped and approved, as the member look-up gives them in the leads' channel. */
    private readonly leads: LeadMentions,
  ) {}

  asksLeadsOn(platform: Platform): boolean {
    return platform === 'teams';
  }

  async offer({ channel }: ChannelRef, view: OnboardingView, delivery: DeliveryTag): Promise<Sent> {
    const [reference, activity] = await Promise.all([this.queues.channel(channel), this.activity(channel, view)]);
    const cleared = await delivery.beforeSend();
    return { cleared, sent: await this.sender.startThread(reference, activity) };
  }

  async updateOffer(at: OfferLocation, view: OnboardingView): Promise<void> {
    const { channel } = at.channel;
    await this.sender.update(await this.queues.thread({ channel, root: at.messageId }), at.messageId, await this.activity(channel, view));
  }

  /** The card as it stands, for a press on it to answer with (the leads who acted named as in the channel). */
  async card(channel: string, view: OnboardingView): Promise<AdaptiveCard> {
    return onboardingCard(view, await this.names(channel, view));
  }

  async noteHeld(at: OfferLocation, message: HeldMessage, delivery: DeliveryTag): Promise<Clearance> {
    const thread = await this.queues.thread({ channel: at.channel.channel, root: at.messageId });
    const cleared = await delivery.beforeSend();
    await this.sender.send(thread, heldActivity(message));
    return cleared;
  }

  private async activity(channel: string, view: OnboardingView): Promise<Partial<Activity>> {
    return cardActivity(await this.card(channel, view), onboardingSummary(view));
  }

  /** The leads who mapped and approved, by the name the member look-up gives in the leads' channel. */
  private async names(channel: string, view: OnboardingView): Promise<(id: string | undefined) => string> {
    const people = await this.leads.resolve(channel, [view.mappedBy, view.approvedBy].filter((id): id is string => !!id));
    return (id) => people.find((p) => `teams:${p.id}` === id?.toLowerCase())?.name ?? 'a lead';
  }
}
