import type { KnowledgeEntry } from './knowledge.js';

/** A lead approved a specialist's resolution as knowledge. */
export interface CandidateApproval {
  escalationId: string;
  entry: KnowledgeEntry;
  approvedBy: string;
  approvedAt: number;
  /** A lead rejected the proposed entry: the decision is kept, the entry never answers anyone. */
  rejected?: boolean;
}

export interface CandidateStore {
  get(escalationId: string): Promise<CandidateApproval | undefined>;
  /**
   * Records the approval unless the escalation has one: true for the one caller that recorded it,
   * false when it was approved before. A write that fails throws and leaves no approval behind.
   */
  putIfAbsent(approval: CandidateApproval): Promise<boolean>;
  /** Every approved entry (never a rejected one), loaded into the index at startup so approvals survive a restart. */
  approvedEntries(): Promise<KnowledgeEntry[]>;
}

/** The running decider's index: what is added here answers the very next question. */
export interface KnowledgeSink {
  addAll(entries: Iterable<KnowledgeEntry>): void;
}
