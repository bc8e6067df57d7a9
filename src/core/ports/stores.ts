import type { Conversation } from '../conversation/conversation.js';
import type { Escalation } from '../escalation/escalation.js';

export interface ConversationStore {
  get(key: string): Promise<Conversation | undefined>;
  put(conversation: Conversation): Promise<void>;
}

export interface EscalationStore {
  get(id: string): Promise<Escalation | undefined>;
  /** Inserts a new escalation; one already stored under its id is left as it is. */
  create(escalation: Escalation): Promise<void>;
  /**
   * Applies `change` to the stored escalation atomically: concurrent callers for the same id are
   * serialized (in-process lock, or the shared store's atomic primitive), so exactly one of two
   * racing claims wins. `change` returns the new value or undefined to leave it as it is.
   */
  update<R>(id: string, change: (current: Escalation) => { next?: Escalation; result: R }): Promise<R | undefined>;
}

/** At-least-once delivery meets exactly-once effects: the first caller for a key wins. */
export interface OnceStore {
  /** True when the key was not there and is now set; false when another caller had it already. */
  claimOnce(key: string, ttlMs: number): Promise<boolean>;
  /** Whether the key is set (claimed and not yet expired). */
  claimed(key: string): Promise<boolean>;
}
