import type { LoopDeps } from '../../src/core/deps.js';
import type { ConversationRef } from '../../src/core/model/conversation-ref.js';

/**
 * One platform as its people use it, over its real HTTP path against its fake on loopback: what the
 * platform-parametrised suites (`outbox-contract.test.ts`, `scenarios.test.ts`) need, and nothing of
 * how each platform does it. A platform joins both suites with one driver and one line in `drivers.ts`.
 */
export interface PlatformDriver {
  /** The running Baton's core: its outbox, stores and clock are the real ones. */
  readonly core: LoopDeps;
  /** Whether Baton can find a message on this platform by its delivery id, so a resend after a lost reply is looked for. */
  readonly lookBeforeResend: boolean;
  /** A question the knowledge answers, and one that hands the customer to a queue on this same platform. */
  readonly answerable: string;
  readonly handoff: string;

  /** The customer writes in their channel (a new thread, or a reply in `thread`); returns the conversation. */
  customerSays(text: string, thread?: ConversationRef): Promise<ConversationRef>;
  /** Someone writes in a channel no account maps and no lead approved. */
  strangerSays(text: string): Promise<void>;
  /** Texts Baton showed in the customer's thread, in order (answers, notices, relayed replies, the survey). */
  customerSaw(ref: ConversationRef): string[];
  /** Texts of everything Baton showed in the channel no account maps. */
  strangerSaw(): string[];
  /** Packets, alerts and digests posted at the top level of the queue channels, in order. */
  queueSaw(): string[];
  /** Notes under the escalation's packet, in order. */
  threadSaw(escalationId: string): string[];
  /** How many times the packet was replaced in place. */
  packetUpdates(escalationId: string): number;

  /** A specialist (`second`: another one) presses Claim on the packet; resolves once the platform was answered. */
  staffClaims(escalationId: string, second?: boolean): Promise<void>;
  staffReplies(escalationId: string, text: string): Promise<void>;
  staffCloses(escalationId: string): Promise<void>;
  /** The customer presses a rating on the survey Baton showed them. */
  customerRates(ref: ConversationRef, rating: number): Promise<void>;

  /** The platform answers Baton's next sends with these HTTP statuses (429 with a Retry-After of 1 s). */
  failNextSends(...statuses: number[]): void;
  /** Messages Baton sent that the platform accepted so far (posts and updates). */
  accepted(): number;

  /** Stops Baton and starts it again on the same store and the same fake platform. */
  restart(): Promise<void>;
  /** Resolves once Baton has nothing under way. */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

/** A question every platform's test knowledge answers, and one every test policy hands to its default queue. */
export const QUESTIONS = { answerable: 'How do I invite a teammate?', handoff: 'Can I talk to a human please?' } as const;
