import type { KnowledgeEntry } from './knowledge.js';

/** A lead approved a specialist's resolution as knowledge. */
export interface CandidateApproval {
  escalationId: string;
  entry: KnowledgeEntry;
  approvedBy: string;
  approvedAt: number;
}

export interface CandidateStore {
  get(escalationId: string): Promise<CandidateApproval | undefined>;
  put(approval: CandidateApproval): Promise<void>;
  /** Every approved entry, loaded into the index at startup so approvals survive a restart. */
  approvedEntries(): Promise<KnowledgeEntry[]>;
}

/** The running decider's index: what is added here answers the very next question. */
export interface KnowledgeSink {
  addAll(entries: Iterable<KnowledgeEntry>): void;
}
