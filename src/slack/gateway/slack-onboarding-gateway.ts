import type { ChannelRef, Platform } from '../../core/model/conversation-ref.js';
import type { Clearance, DeliveryTag, Sent } from '../../core/ports/chat-gateway.js';
import type { HeldMessage, OfferLocation, OnboardingGateway, OnboardingView } from '../../core/ports/onboarding.js';
import { clip, escapeMrkdwn } from '../render/mrkdwn.js';
import { renderHeldMessage, renderOnboardingMessage } from '../render/onboarding-message.js';
import type { SlackCaller } from './slack-caller.js';
import { postTagged } from './delivery-lookup.js';
import { BatonError } from '../../core/errors/error-catalogue.js';

function slackChannel(ref: ChannelRef): string {
  if (ref.platform !== 'slack') throw new BatonError('BATON_NOT_SLACK', `not a Slack channel: ${ref.platform}:${ref.channel}`);
  return ref.channel;
}

/** The leads' messages about new channels, and the introductions they approve, in Slack: posts carry their delivery id. */
export class SlackOnboardingGateway implements OnboardingGateway {
  constructor(private readonly slack: SlackCaller) {}

  /** The mapping buttons and forms are Slack's. */
  asksLeadsOn(platform: Platform): boolean {
    return platform === 'slack';
  }

  offer(leads: ChannelRef, view: OnboardingView, delivery: DeliveryTag): Promise<Sent> {
    return postTagged(this.slack, { channel: slackChannel(leads), ...renderOnboardingMessage(view), unfurl_links: false }, delivery);
  }

  async updateOffer(at: OfferLocation, view: OnboardingView): Promise<void> {
    await this.slack.call('chat.update', { channel: slackChannel(at.channel), ts: at.messageId, ...renderOnboardingMessage(view) });
  }

  async noteHeld(at: OfferLocation, message: HeldMessage, delivery: DeliveryTag): Promise<Clearance> {
    return (await postTagged(this.slack, { channel: slackChannel(at.channel), thread_ts: at.messageId, text: renderHeldMessage(message), unfurl_links: false }, delivery)).cleared;
  }

  /** The lead's own words, escaped so they can never form a mention in the customer's channel. */
  async postIntro(channel: ChannelRef, text: string, delivery: DeliveryTag): Promise<Clearance> {
    return (await postTagged(this.slack, { channel: slackChannel(channel), text: clip(escapeMrkdwn(text), 4000), unfurl_links: false }, delivery)).cleared;
  }
}
