import { type ByPlatform, pick } from '../delivery/gateway-router.js';
import type { ChannelRef, Platform } from '../model/conversation-ref.js';
import type { Clearance, DeliveryTag, Sent } from '../ports/chat-gateway.js';
import type { HeldMessage, IntroGateway, LeadsOnboardingGateway, OfferLocation, OnboardingGateway, OnboardingView } from '../ports/onboarding.js';

/**
 * The leads' messages go to the platform of the leads' channel, the introduction to the platform of the
 * customer's channel: a Teams customer's conversation is mapped from the leads' message in Slack.
 */
export class OnboardingGatewayRouter implements OnboardingGateway {
  constructor(
    private readonly leads: ByPlatform<LeadsOnboardingGateway>,
    private readonly intros: ByPlatform<IntroGateway>,
  ) {}

  asksLeadsOn(platform: Platform): boolean {
    return this.leads[platform]?.asksLeadsOn(platform) ?? false;
  }

  offer(leads: ChannelRef, view: OnboardingView, delivery: DeliveryTag): Promise<Sent> {
    return pick(this.leads, leads.platform).offer(leads, view, delivery);
  }

  updateOffer(at: OfferLocation, view: OnboardingView): Promise<void> {
    return pick(this.leads, at.channel.platform).updateOffer(at, view);
  }

  noteHeld(at: OfferLocation, message: HeldMessage, delivery: DeliveryTag): Promise<Clearance> {
    return pick(this.leads, at.channel.platform).noteHeld(at, message, delivery);
  }

  postIntro(channel: ChannelRef, text: string, delivery: DeliveryTag): Promise<Clearance> {
    return pick(this.intros, channel.platform).postIntro(channel, text, delivery);
  }
}
