import type { PacketLocation } from '../escalation/escalation.js';
import type { HandoffPacket } from '../handoff/handoff-packet.js';
import type { ConversationRef } from '../model/conversation-ref.js';
import type { Citation } from '../model/decision.js';

/** What the customer sees. Only these two shapes ever reach a shared channel. */
export type CustomerMessage =
  | {
      kind: 'answer';
      text: string;
      citations: Citation[];
      /** The "Talk to a person" button under every answer. */
      offerHuman: { label: string; footer: string; conversationKey: string };
    }
  | { kind: 'notice'; text: string };

/** Delivery to a chat platform. Implementations retry and rate-limit; a throw means it finally failed. */
export interface ChatGateway {
  /** Posts in the customer's thread and returns the new message id. */
  replyToCustomer(ref: ConversationRef, message: CustomerMessage): Promise<string>;
  /** Opens the specialist thread with the packet in an internal channel. */
  postPacket(channel: string, packet: HandoffPacket): Promise<PacketLocation>;
  updatePacket(at: PacketLocation, packet: HandoffPacket): Promise<void>;
  /** A reply in the packet's internal thread (customer follow-ups, reminders). */
  postInternal(at: PacketLocation, text: string): Promise<void>;
  /** A link to the customer conversation, if the platform has one. */
  linkTo(ref: ConversationRef): Promise<string | undefined>;
}
