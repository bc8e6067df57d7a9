/**
 * What leads learn from answers: a customer's verdict on one answer, and a question Baton could not
 * answer (nothing in the knowledge, or not confident enough). Each is one small record written once,
 * whatever the size of the conversation; `question` is already redacted (core/feedback/redact.ts).
 */
export interface VoteFact {
  kind: 'vote';
  /** The answer's id: a later click on the same answer replaces the earlier one instead of adding to it. */
  id: string;
  /** When the answer was given: votes count in the period of their answer. */
  at: number;
  votedAt: number;
  vote: 'helpful' | 'not_helpful';
  accountId: string;
  category: string;
  topic?: string;
  /** Titles of the knowledge the answer quoted. */
  sources: string[];
  question: string;
}

export interface GapFact {
  kind: 'gap';
  id: string;
  at: number;
  accountId: string;
  category: string;
  /** The nearest topic the knowledge base knows, when the classifier named one. */
  topic?: string;
  /** 'no_source': nothing quotable; 'below_threshold': a draft Baton was not confident enough to send. */
  reason: 'no_source' | 'below_threshold';
  question: string;
}

export type FeedbackFact = VoteFact | GapFact;

export interface FeedbackLog {
  /** Stores the record as the latest of its id; constant store work, no read. */
  record(fact: FeedbackFact): Promise<void>;
  /** Records whose `at` falls in [since, until), the latest of each id. */
  list(since: number, until: number): Promise<FeedbackFact[]>;
}
