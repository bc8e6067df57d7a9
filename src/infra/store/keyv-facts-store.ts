import type Keyv from 'keyv';
import type { Conversation } from '../../core/conversation/conversation.js';
import type { DaySummary } from '../../core/metrics/day-summary.js';
import type { CsatRecord, CsatStore } from '../../core/ports/csat-store.js';
import { conversationFacts, escalationFacts, type ConversationFacts, type EscalationFacts } from '../../core/metrics/facts.js';
import type { FactsStore, StoredDaySummary } from '../../core/ports/facts-store.js';
import type { Locks } from '../../core/ports/locks.js';
import type { ConversationStore, EscalationStore } from '../../core/ports/stores.js';
import { decodeConversation, decodeEscalation, encodeConversation, encodeEscalation, type ConversationTuple, type EscalationTuple } from './facts-codec.js';
import { KeyvDayBuckets } from './keyv-day-buckets.js';
import { KeyvEscalationStore } from './keyv-escalation-store.js';
import { KeyvDaySummaries } from './keyv-day-summaries.js';
import { storeKeys } from './store-keys.js';

/**
 * The compact facts behind reports and timers, kept in day buckets (created / opened day), and the
 * report's day summaries. Every write marks the days whose summaries it changes, after the fact is
 * written (a report reads the version first, so it never keeps a summary older than a fact it missed).
 */
export class KeyvFactsStore implements FactsStore {
  readonly conversations: KeyvDayBuckets<ConversationTuple>;
  readonly escalations: KeyvDayBuckets<EscalationTuple>;
  private readonly summaries: KeyvDaySummaries;

  constructor(
    private readonly keyv: Keyv,
    locks: Locks,
  ) {
    this.conversations = new KeyvDayBuckets(keyv, locks, storeKeys.conversationFactsDay);
    this.escalations = new KeyvDayBuckets(keyv, locks, storeKeys.escalationFactsDay);
    this.summaries = new KeyvDaySummaries(keyv);
  }

  async putConversation(f: ConversationFacts): Promise<void> {
    await Promise.all([this.conversations.put(f.createdAt, f.key, encodeConversation(f)), this.keyv.set(storeKeys.conversationCreated(f.key), f.createdAt)]);
    await this.summaries.touch(f.createdAt);
  }

  /** An escalation changes the day it was opened (queues, breaches) and its conversation's day (outcome). */
  async putEscalation(f: EscalationFacts): Promise<void> {
    await this.escalations.put(f.openedAt, f.id, encodeEscalation(f));
    await Promise.all([this.summaries.touch(f.openedAt), this.touchConversation(f.conversationKey)]);
  }

  /** A conversation written before its creation time was recorded cannot name its day: every day is marked. */
  async touchConversation(conversationKey: string): Promise<void> {
    const createdAt = await this.keyv.get<number>(storeKeys.conversationCreated(conversationKey));
    await (createdAt === undefined ? this.summaries.touchAll() : this.summaries.touch(createdAt));
  }

  daySummaries(days: number[]): Promise<StoredDaySummary[]> {
    return this.summaries.read(days);
  }

  saveDaySummary(version: string, summary: DaySummary): Promise<void> {
    return this.summaries.save(version, summary);
  }

  async conversationsCreated(since: number, until: number): Promise<ConversationFacts[]> {
    return (await this.conversations.list(since, until)).filter((c) => c[2] >= since && c[2] < until).map(decodeConversation);
  }

  async escalationsOpened(since: number, until: number): Promise<EscalationFacts[]> {
    return (await this.escalations.list(since, until)).filter((e) => e[7] >= since && e[7] < until).map(decodeEscalation);
  }
}

/** Every conversation write also refreshes its facts, so no use case has to remember to. */
export class FactsRecordingConversationStore implements ConversationStore {
  constructor(
    private readonly inner: ConversationStore,
    private readonly facts: KeyvFactsStore,
  ) {}

  get(key: string): Promise<Conversation | undefined> {
    return this.inner.get(key);
  }

  async put(conversation: Conversation): Promise<void> {
    await this.inner.put(conversation);
    await this.facts.putConversation(conversationFacts(conversation));
  }
}

/**
 * Escalations whose every write also refreshes their facts, inside the escalation's lock: facts written
 * after the lock is released could land out of order (a claim's after the close that followed it) and
 * leave reports and SLA timers with a stale status.
 */
export function escalationsWithFacts(keyv: Keyv, locks: Locks, facts: KeyvFactsStore): EscalationStore {
  return new KeyvEscalationStore(keyv, locks, (written) => facts.putEscalation(escalationFacts(written)));
}

/** A rating changes its conversation's outcome row, so CSAT writes mark that day too. */
export class FactsRecordingCsatStore implements CsatStore {
  constructor(
    private readonly inner: CsatStore,
    private readonly facts: KeyvFactsStore,
  ) {}

  get(conversationKey: string): Promise<CsatRecord | undefined> {
    return this.inner.get(conversationKey);
  }

  async put(record: CsatRecord): Promise<void> {
    await this.inner.put(record);
    await this.facts.touchConversation(record.conversationKey);
  }

  async update<R>(conversationKey: string, change: (current: CsatRecord) => { next?: CsatRecord; result: R }): Promise<R | undefined> {
    const result = await this.inner.update(conversationKey, change);
    await this.facts.touchConversation(conversationKey);
    return result;
  }

  listAsked(since: number, until: number): Promise<CsatRecord[]> {
    return this.inner.listAsked(since, until);
  }

  lastAsked(customerId: string): Promise<number | undefined> {
    return this.inner.lastAsked(customerId);
  }

  markAsked(customerIds: string[], at: number): Promise<void> {
    return this.inner.markAsked(customerIds, at);
  }
}
