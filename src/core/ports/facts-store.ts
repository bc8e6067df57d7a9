import type { ConversationFacts, EscalationFacts } from '../metrics/facts.js';

/** Read side of the compact facts the stores keep up to date on every write (see metrics/facts.ts). */
export interface FactsStore {
  /** Conversations created in [since, until). */
  conversationsCreated(since: number, until: number): Promise<ConversationFacts[]>;
  /** Escalations opened in [since, until). */
  escalationsOpened(since: number, until: number): Promise<EscalationFacts[]>;
}
