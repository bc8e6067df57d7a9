import type Keyv from 'keyv';
import type { CandidateApproval, CandidateStore } from '../../core/ports/kb-candidates.js';
import type { KnowledgeEntry } from '../../core/ports/knowledge.js';
import type { Locks } from '../../core/ports/locks.js';
import { storeKeys } from './store-keys.js';
import { BatonError } from '../../core/errors/error-catalogue.js';

/** Approved KB candidates: one record each for the review, plus one list of their entries for startup. */
export class KeyvCandidateStore implements CandidateStore {
  constructor(
    private readonly keyv: Keyv,
    private readonly locks: Locks,
    /** Tells the other instances; an approval stands even when they cannot be told (they catch up on reconnection). */
    private readonly announce: () => Promise<void> = async () => {},
  ) {}

  async get(escalationId: string): Promise<CandidateApproval | undefined> {
    return (await this.keyv.get<CandidateApproval>(storeKeys.kbCandidate(escalationId))) ?? undefined;
  }

  async putIfAbsent(approval: CandidateApproval): Promise<boolean> {
    const stored = await this.store(approval);
    if (stored) await this.announce().catch(() => undefined);
    return stored;
  }

  private store(approval: CandidateApproval): Promise<boolean> {
    // One lock for the check and both writes: approvals are rare, and the entry list is shared by all.
    return this.locks.run(storeKeys.kbApproved, async () => {
      if (await this.keyv.has(storeKeys.kbCandidate(approval.escalationId))) return false;
      const entries = (await this.keyv.get<KnowledgeEntry[]>(storeKeys.kbApproved)) ?? [];
      // The entry first and the approval last: a failure in between leaves the candidate approvable,
      // and approving it again replaces the entry by id. A rejection adds no entry.
      if (!approval.rejected) await this.write(storeKeys.kbApproved, [...entries.filter((e) => e.id !== approval.entry.id), approval.entry]);
      await this.write(storeKeys.kbCandidate(approval.escalationId), approval);
      return true;
    });
  }

  /** Keyv reports a failed store write as `false` instead of throwing; an approval must not stand on one. */
  private async write(key: string, value: unknown): Promise<void> {
    if (!(await this.keyv.set(key, value))) throw new BatonError('BATON_STORE_WRITE', `could not store ${key}`);
  }

  /** Each was approved by a lead, so each is an answer, approvals recorded before entries said so included. */
  async approvedEntries(): Promise<KnowledgeEntry[]> {
    return ((await this.keyv.get<KnowledgeEntry[]>(storeKeys.kbApproved)) ?? []).map((e) => ({ ...e, purpose: 'answer' }));
  }
}
