import type { ReportView } from '../metrics/report.js';
import type { ChannelRef, ConversationRef } from '../model/conversation-ref.js';
import type { CsatPrompt } from '../model/csat-prompt.js';
import type { Clearance, DeliveryTag, Sent } from './chat-gateway.js';

/**
 * Delivery for the "closing the loop" features; the platform adapter renders and sends. Only the outbox
 * calls it, as ChatGateway: posts take their delivery's tag, carry its id where the platform keeps one
 * (so ChatGateway.findDelivered finds them), and return its clearance.
 */
export interface LoopGateway {
  /** Asks the customer to rate, in their thread, with one-click buttons; returns the message id. */
  askCsat(ref: ConversationRef, prompt: CsatPrompt, delivery: DeliveryTag): Promise<Sent>;
  /** Replaces the rating buttons with a thank-you once someone rated: in place, so a repeat is harmless. */
  thankForCsat(ref: ConversationRef, messageId: string, text: string): Promise<void>;
  /** The weekly digest: the report and its chart, at the top level of the leads' channel. */
  postDigest(channel: ChannelRef, report: ReportView, delivery: DeliveryTag): Promise<Clearance>;
}
