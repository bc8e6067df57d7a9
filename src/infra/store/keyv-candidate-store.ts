import type Keyv from 'keyv';
import type { CandidateApproval, CandidateStore } from '../../core/ports/kb-candidates.js';
import type { KnowledgeEntry } from '../../core/ports/knowledge.js';
import type { Locks } from '../../core/ports/locks.js';
import { storeKeys } from './store-keys.js';

/** Approved KB candidates: one record each for the review, plus one list of their entries for startup. */
export class KeyvCandidateStore implements CandidateStore {
  constructor(
    private readonly keyv: Keyv,
    private readonly locks: Locks,
  ) {}

  async get(escalationId: string): Promise<CandidateApproval | undefined> {
    return (await this.keyv.get<CandidateApproval>(storeKeys.kbCandidate(escalationId))) ?? undefined;
  }

  async put(approval: CandidateApproval): Promise<void> {
    await this.keyv.set(storeKeys.kbCandidate(approval.escalationId), approval);
    await this.locks.run(storeKeys.kbApproved, async () => {
      const entries = (await this.keyv.get<KnowledgeEntry[]>(storeKeys.kbApproved)) ?? [];
      await this.keyv.set(storeKeys.kbApproved, [...entries.filter((e) => e.id !== approval.entry.id), approval.entry]);
    });
  }

  async approvedEntries(): Promise<KnowledgeEntry[]> {
    return (await this.keyv.get<KnowledgeEntry[]>(storeKeys.kbApproved)) ?? [];
  }
}
