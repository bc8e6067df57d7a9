import type { ConversationRef } from '../model/conversation-ref.js';

/** One CSAT ask and, once the customer clicks, its rating. One per conversation, ever. */
export interface CsatRecord {
  conversationKey: string;
  ref: ConversationRef;
  /** What was rated: a specialist's close, or an answer Baton resolved alone. */
  subject: 'escalation' | 'baton';
  escalationId?: string;
  askedAt: number;
  /** The customers of the conversation: only they may rate. */
  customers: string[];
  /** The prompt's message id, so the buttons can be replaced by a thank-you. */
  messageId?: string;
  rating?: number;
  ratedAt?: number;
  ratedBy?: string;
}

export interface CsatStore {
  get(conversationKey: string): Promise<CsatRecord | undefined>;
  put(record: CsatRecord): Promise<void>;
  /** Atomic read-modify-write of one conversation's record, so two racing clicks record one rating. */
  update<R>(conversationKey: string, change: (current: CsatRecord) => { next?: CsatRecord; result: R }): Promise<R | undefined>;
  /** Records asked in [since, until), for reports. */
  listAsked(since: number, until: number): Promise<CsatRecord[]>;
  /** When this customer was last asked in any conversation, for the cooldown. */
  lastAsked(customerId: string): Promise<number | undefined>;
  markAsked(customerIds: string[], at: number): Promise<void>;
}
