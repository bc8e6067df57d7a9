import type { Locks } from '../../core/ports/locks.js';
import type { CsatStore } from '../../core/ports/csat-store.js';
import type { ConversationStore, EscalationStore, OnceStore } from '../../core/ports/stores.js';
import { ProcessLocks } from '../locks/process-locks.js';
import { RedisLocks } from '../locks/redis-locks.js';
import { ProcessSequence, RedisSequence } from './day-sequence.js';
import { KeyvConversationStore } from './keyv-conversation-store.js';
import { openKeyvBackend, type KeyvBackend } from './keyv-backend.js';
import { KeyvOnceStore, RedisOnceStore } from './once-store.js';
import { ApprovalFeed } from './approval-feed.js';
import { KeyvCandidateStore } from './keyv-candidate-store.js';
import { KeyvCsatStore } from './keyv-csat-store.js';
import { KeyvFeedbackLog } from './keyv-feedback-log.js';
import { KeyvOnboardingStore } from './keyv-onboarding-store.js';
import { KeyvSourceStore } from './keyv-source-store.js';
import { escalationsWithFacts, FactsRecordingConversationStore, FactsRecordingCsatStore } from './facts-recording-stores.js';
import { TableFactsStore, type FactsTable } from './facts-table.js';
import { migrateKeyvFacts } from './keyv-facts-migration.js';
import { RedisFactsTable } from './redis-facts-table.js';
import { SqliteFactsTable } from './sqlite-facts-table.js';

export interface Stores {
  backend: KeyvBackend;
  conversations: ConversationStore;
  escalations: EscalationStore;
  once: OnceStore;
  /** Compact facts for reports and timers in the store's native table, refreshed by every conversation and escalation write. */
  facts: TableFactsStore;
  /** CSAT asks; a rating also marks its conversation's report day as changed. */
  csat: CsatStore;
  /** The same CSAT store without the marking, for bulk imports. */
  csatAsks: KeyvCsatStore;
  candidates: KeyvCandidateStore;
  /** Answer votes and questions Baton could not answer. */
  feedback: KeyvFeedbackLog;
  /** KB approvals reaching every instance's index at once. */
  approvals: ApprovalFeed;
  /** Channels leads mapped in chat, and the accounts they created. */
  onboarding: KeyvOnboardingStore;
  /** The policy's knowledge sources: last good content and sync status. */
  sources: KeyvSourceStore;
  locks: Locks;
  /** Reads into the store what a previous version left in another shape (report facts in Keyv day logs): once, and minutes on a large store. */
  upgrade(): Promise<void>;
  close(): Promise<void>;
}

/** Opens the store BATON_STORE names, upgraded (see `upgrade`). */
export async function openStores(uri: string): Promise<Stores> {
  const stores = await connectStores(uri);
  await stores.upgrade();
  return stores;
}

/** Opens the store without upgrading it, for a caller that bounds how long the store takes to answer but not the upgrade. */
export async function connectStores(uri: string): Promise<Stores> {
  const backend = await openKeyvBackend(uri);
  const locks: Locks = backend.redis ? new RedisLocks(backend.redis) : new ProcessLocks();
  const sequence = backend.redis ? new RedisSequence() : new ProcessSequence(uri);
  const table: FactsTable = backend.redis ? new RedisFactsTable(backend.redis) : await SqliteFactsTable.open(backend.sql!);
  const facts = new TableFactsStore(table, backend.keyv);
  const csatAsks = new KeyvCsatStore(backend.keyv, locks, sequence);
  let approvals: ApprovalFeed | undefined;
  const candidates = new KeyvCandidateStore(backend.keyv, locks, () => approvals!.announce());
  approvals = new ApprovalFeed(candidates, backend.redis);
  return {
    backend,
    conversations: new FactsRecordingConversationStore(new KeyvConversationStore(backend.keyv), facts),
    escalations: escalationsWithFacts(backend.keyv, locks, facts),
    facts,
    csat: new FactsRecordingCsatStore(csatAsks, facts),
    csatAsks,
    candidates,
    feedback: new KeyvFeedbackLog(backend.keyv, locks, sequence),
    approvals,
    onboarding: new KeyvOnboardingStore(backend.keyv, locks),
    sources: new KeyvSourceStore(backend.keyv),
    once: backend.redis ? new RedisOnceStore(backend.redis) : new KeyvOnceStore(backend.keyv),
    locks,
    upgrade: () => migrateKeyvFacts(backend.keyv, backend.keysStartingWith, table),
    close: async () => {
      await approvals.close();
      await backend.close();
    },
  };
}
