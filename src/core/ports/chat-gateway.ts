import type { PacketLocation } from '../escalation/escalation.js';
import type { HandoffPacket } from '../handoff/handoff-packet.js';
import type { ChannelRef, ConversationRef } from '../model/conversation-ref.js';
import type { CustomerMessage } from '../model/customer-message.js';

export type { CustomerMessage };

/** Where a delivered message would be: a channel's top level, or one thread, posted after `since` (epoch ms). */
export interface DeliveryPlace extends ChannelRef {
  thread?: string;
  since: number;
}

declare const cleared: unique symbol;
/**
 * Proof that a delivery's `beforeSend` ran. Only the outbox makes one, so a gateway method that never
 * calls `beforeSend` has nothing to return and does not type-check.
 */
export type Clearance = { readonly [cleared]: true };

/** What travels with a recorded delivery: its id, and what must happen right before it is sent. */
export interface DeliveryTag {
  id: string;
  /**
   * Must run once the platform's rate limits let the message go, just before it is sent: it tells the
   * outbox the message may be out, so a crash after it is looked for before anything is re-sent.
   */
  beforeSend(): Promise<Clearance>;
}

/** A message sent under a delivery tag: the platform's id for it, and the proof its `beforeSend` ran. */
export interface Sent<T = string> {
  cleared: Clearance;
  sent: T;
}

/**
 * Delivery to a chat platform. Only the outbox calls it: every message is a recorded delivery. Posting
 * methods take the delivery's tag and return what they sent with the tag's clearance. Implementations
 * rate-limit and honour the platform's Retry-After; a throw means this attempt failed. The delivery id
 * travels with the message where the platform keeps it (Slack message metadata, the playground's feed),
 * so `findDelivered` can tell whether an attempt whose reply was lost went out after all.
 */
export interface ChatGateway {
  /** Posts in the customer's thread; sent: the new message id. */
  replyToCustomer(ref: ConversationRef, message: CustomerMessage, delivery: DeliveryTag): Promise<Sent>;
  /** Opens the specialist thread with the packet in an internal channel. */
  postPacket(channel: ChannelRef, packet: HandoffPacket, delivery: DeliveryTag): Promise<Sent<PacketLocation>>;
  /** Replaces the packet in place: sending it again is harmless, so it needs no look before a retry. */
  updatePacket(at: PacketLocation, packet: HandoffPacket): Promise<void>;
  /**
   * A reply in the packet's internal thread (customer follow-ups, reminders, what a specialist did).
   * `mentions`: people to notify, by the ids the policy names them with (each platform its own).
   */
  postInternal(at: PacketLocation, text: string, delivery: DeliveryTag, mentions?: string[]): Promise<Clearance>;
  /** A top-level message in an internal channel (an alert for the queue). */
  postAlert(channel: ChannelRef, text: string, delivery: DeliveryTag): Promise<Clearance>;
  /** The id of the message already posted under `deliveryId` at `place`, if there is one. */
  findDelivered(place: DeliveryPlace, deliveryId: string): Promise<string | undefined>;
  /** A link to the customer conversation, if the platform has one; never a call per conversation. */
  linkTo(ref: ConversationRef): Promise<string | undefined>;
}

/**
 * Adapters mark an error `refused` when the platform answered and declined (an unknown or archived
 * channel, a bot not invited): nothing was posted, so another channel may be tried at once. Any other
 * failure (a timeout, a 5xx) may have posted the message.
 */
export function isRefusal(err: unknown): boolean {
  return (err as { refused?: unknown } | null)?.refused === true;
}
