import type { CandidateStore, KnowledgeSink } from './kb-candidates.js';
import type { CsatStore } from './csat-store.js';
import type { FactsStore } from './facts-store.js';
import type { FeedbackLog } from './feedback-log.js';
import type { KnowledgeEntry } from './knowledge.js';
import type { Llm } from './llm.js';
import type { LoopGateway } from './loop-gateway.js';
import type { Proposal } from '../suggest/propose-answer.js';

/** What the answer review (`/baton review`, the playground) proposes answers from. */
export interface AnswerReviewSource {
  /** The knowledge as the running Baton holds it now (history and answers), changing as the file does. */
  knowledge(): readonly KnowledgeEntry[];
  llm?: Llm;
  /** Topics a lead rejected outside the store (`kb approve --file`). */
  rejectedTopics(): ReadonlySet<string>;
  /** Drafted proposals by topic, so the text a lead approves is the text they were shown. */
  drafts: Map<string, Proposal>;
}

/** What the "closing the loop" use cases (SLA timers, CSAT, reports, KB candidates) need beyond CoreDeps. */
export interface LoopPorts {
  facts: FactsStore;
  csat: CsatStore;
  notify: LoopGateway;
  candidates: CandidateStore;
  knowledge: KnowledgeSink;
  /** Answer votes and unanswered questions, for the report's feedback rates and the review's content gaps. */
  feedback: FeedbackLog;
  /** Absent where nothing proposes answers from history (core tests of other use cases). */
  review?: AnswerReviewSource;
}
