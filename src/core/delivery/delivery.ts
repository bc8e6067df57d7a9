import type { Escalation } from '../escalation/escalation.js';
import type { CustomerMessage } from '../model/customer-message.js';
import type { CsatPrompt } from '../model/csat-prompt.js';

/**
 * A message the core decided to send, recorded in the conversation's outbox in the same write as the
 * state that decided it, then delivered once by the delivery runner and removed. The id goes out with
 * the message (Slack message metadata), so a post whose reply was lost is found rather than repeated.
 */
export type Delivery =
  /** `question`: a clarifying question; undelivered, it is handed over like an answer. */
  | { id: string; kind: 'customer'; purpose: 'answer' | 'question' | 'notice'; message: CustomerMessage; createdAt: number; escalationId?: string }
  /** The handoff packet; carries the escalation so recovery can store it if a crash came first. */
  | { id: string; kind: 'packet'; escalation: Escalation; createdAt: number }
  /**
   * A reply in the escalation's packet thread, for its specialists: a customer's follow-up mirrored, what
   * a specialist did, or an SLA reminder (`mentions`: the queue's leads, by the ids the policy names them
   * with). `firstQueue`: under the packet left in the queue a breach moved the escalation from.
   */
  | { id: string; kind: 'note'; escalationId: string; text: string; createdAt: number; mentions?: string[]; firstQueue?: true }
  /**
   * The packet shown again as the escalation stands when it is delivered (claimed, released, closed,
   * breached); `firstQueue`: the packet left in the queue a breach moved it from.
   */
  | { id: string; kind: 'update'; escalationId: string; createdAt: number; firstQueue?: true }
  /** A note for the default queue's specialists (a customer Baton could not reach). */
  | { id: string; kind: 'alert'; channel: string; text: string; createdAt: number }
  /**
   * The rating prompt, in the customer's thread. Its CSAT record (which the buttons rate) is stored once
   * it is out, with the message id the thank-you replaces.
   */
  | { id: string; kind: 'csat'; prompt: CsatPrompt; subject: 'escalation' | 'baton'; escalationId?: string; customers: string[]; createdAt: number }
  /** The rating buttons replaced by the thank-you: in place, so sending it again is harmless. */
  | { id: string; kind: 'csat-thanks'; messageId: string; text: string; createdAt: number };

/** Where the runner asks for a conversation's outbox to be delivered. */
export interface DeliveryScheduler {
  schedule(conversationKey: string): void;
}
