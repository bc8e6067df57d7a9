import type { PacketLocation } from '../escalation/escalation.js';
import type { ReportView } from '../metrics/report.js';
import type { ChannelRef, ConversationRef } from '../model/conversation-ref.js';

export interface CsatPrompt {
  question: string;
  conversationKey: string;
  /** One button each, worst first; `value` is the rating. */
  scale: { value: number; label: string }[];
}

/** Delivery for the "closing the loop" features; the platform adapter renders and sends. */
export interface LoopGateway {
  /**
   * A reminder in the specialist thread that may mention people: the queue's leads as the policy names
   * them (Slack user ids, `teams:<Entra object id>`); each platform mentions those of its own.
   */
  remind(at: PacketLocation, text: string, mentions: string[]): Promise<void>;
  /** Asks the customer to rate, in their thread, with one-click buttons; returns the message id. */
  askCsat(ref: ConversationRef, prompt: CsatPrompt): Promise<string>;
  /** Replaces the rating buttons with a thank-you once someone rated. */
  thankForCsat(ref: ConversationRef, messageId: string, text: string): Promise<void>;
  /** The weekly digest: the report and its chart, in the leads' channel. */
  postDigest(channel: ChannelRef, report: ReportView): Promise<void>;
}
