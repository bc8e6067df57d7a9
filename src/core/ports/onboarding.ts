import type { AccountPolicy } from '../../config/policy-schema.js';
import type { ChannelRef, Platform } from '../model/conversation-ref.js';
import type { Clearance, DeliveryTag, Sent } from './chat-gateway.js';

/** What brought a channel no account maps to the leads' attention. */
export type OfferReason = 'joined' | 'shared' | 'message';

/** The leads' message about one channel, once it is posted. */
export interface OfferLocation {
  channel: ChannelRef;
  messageId: string;
}

/**
 * A channel no account of the policy names, on its way to being answered: `offered` (the leads were
 * asked to map it) -> `mapped` (a lead chose its account; the introduction is not approved yet) ->
 * `live` (a lead approved the introduction and it was posted; Baton answers there from then on).
 */
export interface ChannelOnboarding {
  channel: ChannelRef;
  /** The channel's name where the platform gives one and the id says nothing to a person (a Teams team or chat). */
  title?: string;
  status: 'offered' | 'mapped' | 'live';
  reason: OfferReason;
  offeredAt: number;
  offer?: OfferLocation;
  accountId?: string;
  mappedBy?: string;
  /** The introduction as a lead approved it. */
  intro?: string;
  approvedBy?: string;
  /** Customer messages that arrived before the channel went live; each was shown to the leads, none answered. */
  held: number;
}

/** Accounts leads created from the leads' message; `channels` are the ones mapped when each was created. */
export type StoredAccount = AccountPolicy;

export type Change<T, R> = (current: T) => { next?: T; result: R };

/** Onboarding state in the shared store: every instance sees a mapping as soon as it is written. */
export interface OnboardingStore {
  get(channelName: string): Promise<ChannelOnboarding | undefined>;
  /** Read-modify-write of one channel's record, serialized per channel across instances. */
  update<R>(channelName: string, change: Change<ChannelOnboarding | undefined, R>): Promise<R>;
  accounts(): Promise<StoredAccount[]>;
  /** Read-modify-write of the stored accounts, serialized across instances. */
  updateAccounts<R>(change: Change<StoredAccount[], R>): Promise<R>;
}

/** What the leads see about a channel; rendered per platform at the edge. */
export interface OnboardingView {
  channel: ChannelRef;
  title?: string;
  status: ChannelOnboarding['status'];
  reason: OfferReason;
  account?: { name: string; tier: string; crmUrl?: string };
  mappedBy?: string;
  approvedBy?: string;
  intro?: string;
  held: number;
}

/** A customer message Baton left to people because its channel is not live yet. */
export interface HeldMessage {
  channel: ChannelRef;
  title?: string;
  authorName?: string;
  text: string;
}

/**
 * The conversation with the leads about new channels, in the leads' channel. Posts are sent once, as the
 * outbox sends (ChatGateway): each takes its delivery's tag, carries its id where the platform keeps one
 * (so ChatGateway.findDelivered finds it), and returns its clearance.
 */
export interface LeadsOnboardingGateway {
  /** Whether the leads can be asked (and can map and approve) in a channel of this platform. */
  asksLeadsOn(platform: Platform): boolean;
  /** Posts the leads' message about a channel in an internal channel; sent: its id. */
  offer(leads: ChannelRef, view: OnboardingView, delivery: DeliveryTag): Promise<Sent>;
  /** Replaces the leads' message in place: sending it again is harmless. */
  updateOffer(at: OfferLocation, view: OnboardingView): Promise<void>;
  /** A held customer message, in the thread of the leads' message. */
  noteHeld(at: OfferLocation, message: HeldMessage, delivery: DeliveryTag): Promise<Clearance>;
}

/** The approved introduction, at the top level of the customer's channel (or in their chat), sent once. */
export interface IntroGateway {
  postIntro(channel: ChannelRef, text: string, delivery: DeliveryTag): Promise<Clearance>;
}

/**
 * Delivery of the onboarding conversation with the leads, and of the approved introduction. The two may
 * be on different platforms (the leads in Slack, the customer in Teams): see OnboardingGatewayRouter.
 */
export interface OnboardingGateway extends LeadsOnboardingGateway, IntroGateway {}

export interface OnboardingPorts {
  store: OnboardingStore;
  gateway: OnboardingGateway;
}
