import type { CandidateStore, KnowledgeSink } from './kb-candidates.js';
import type { CsatStore } from './csat-store.js';
import type { FactsStore } from './facts-store.js';
import type { FeedbackLog } from './feedback-log.js';
import type { LoopGateway } from './loop-gateway.js';

/** What the "closing the loop" use cases (SLA timers, CSAT, reports, KB candidates) need beyond CoreDeps. */
export interface LoopPorts {
  facts: FactsStore;
  csat: CsatStore;
  notify: LoopGateway;
  candidates: CandidateStore;
  knowledge: KnowledgeSink;
  /** Answer votes and unanswered questions, for the report's feedback rates and the review's content gaps. */
  feedback: FeedbackLog;
}
