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
  /** Asks the customer to rate, in their thread, with one-click buttons; returns the message id. */
  askCsat(ref: ConversationRef, prompt: CsatPrompt): Promise<string>;
  /** Replaces the rating buttons with a thank-you once someone rated. */
  thankForCsat(ref: ConversationRef, messageId: string, text: string): Promise<void>;
  /** The weekly digest: the report and its chart, in the leads' channel. */
  postDigest(channel: ChannelRef, report: ReportView): Promise<void>;
}
