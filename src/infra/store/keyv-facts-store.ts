import type Keyv from 'keyv';
import type { Conversation } from '../../core/conversation/conversation.js';
import { dayStart, type DaySummary } from '../../core/metrics/day-summary.js';
import type { CsatRecord, CsatStore } from '../../core/ports/csat-store.js';
import { conversationFacts, escalationFacts, type ConversationFacts, type PacketFacts } from '../../core/metrics/facts.js';
import type { FactsStore, StoredDaySummary } from '../../core/ports/facts-store.js';
import type { Locks } from '../../core/ports/locks.js';
import type { ConversationStore, EscalationStore } from '../../core/ports/stores.js';
import { LruCache } from '../../core/triage/lru-cache.js';
import type { DaySequence } from './day-sequence.js';
import { decodeConversation, decodeEscalation, encodeConversation, encodeEscalation, type ConversationTuple, type EscalationTuple } from './facts-codec.js';
import { KeyvDayLog } from './keyv-day-log.js';
import type { KeyvConversationStore } from './keyv-conversation-store.js';
import { KeyvEscalationStore } from './keyv-escalation-store.js';
import { KeyvDaySummaries } from './keyv-day-summaries.js';
import { storeKeys } from './store-keys.js';
import { BatonError } from '../../core/errors/error-catalogue.js';

/** Conversation start times this process has seen, so an escalation or rating finds its conversation's day without a read. */
const REMEMBERED = 50_000;

/**
 * The compact facts behind reports and timers, in day logs (created / opened day), and the report's
 * day summaries. A write appends one slot: no lock, and bytes that do not grow with the day. A day
 * summary is versioned by the heads of its day's two logs; a write that changes another day's
 * outcomes (an escalation or a rating of an older conversation) marks that day's log.
 */
export class KeyvFactsStore implements FactsStore {
  readonly conversations: KeyvDayLog<ConversationTuple>;
  readonly escalations: KeyvDayLog<EscalationTuple>;
  private readonly summaries: KeyvDaySummaries;
  private readonly createdAt = new LruCache<number>(REMEMBERED);
  /** The facts this process last appended per conversation: a write that changes none of them (an outbox item delivered) appends nothing. */
  private readonly appended = new LruCache<string>(REMEMBERED);

  constructor(
    private readonly keyv: Keyv,
    locks: Locks,
    sequence: DaySequence,
  ) {
    this.conversations = new KeyvDayLog(keyv, locks, sequence, 'facts-conv-day');
    this.escalations = new KeyvDayLog(keyv, locks, sequence, 'facts-esc-day');
    this.summaries = new KeyvDaySummaries(keyv);
  }

  /** Records the conversation's facts on their own (imports, tests); a conversation write records them itself. */
  async putConversation(f: ConversationFacts): Promise<void> {
    const slot = await this.conversationSlot(f);
    if (!slot) return;
    if (!(await this.keyv.set(slot.key, slot.value))) throw new BatonError('BATON_STORE_WRITE', `could not store ${slot.key}`);
    slot.recorded();
  }

  /**
   * The day-log slot recording the conversation's facts, for its caller to write in the same store
   * operation as the conversation, then confirm with `recorded`; none when the facts did not change.
   */
  async conversationSlot(f: ConversationFacts): Promise<{ key: string; value: string; recorded(): void } | undefined> {
    this.createdAt.set(f.key, f.createdAt);
    const tuple = encodeConversation(f);
    const json = JSON.stringify(tuple);
    if (this.appended.get(f.key) === json) return undefined;
    const slot = await this.conversations.nextSlot(f.createdAt, f.key, tuple);
    return { ...slot, recorded: () => this.appended.set(f.key, json) };
  }

  /**
   * An escalation changes the day it was opened (queues, breaches) and its conversation's day
   * (outcome): appending to the opened day's log moves that day's version, and the conversation's day
   * is marked too when it is another day (a customer coming back to an older thread).
   */
  async putEscalation(f: PacketFacts): Promise<void> {
    await this.escalations.append(f.openedAt, f.id, encodeEscalation(f));
    const createdAt = await this.createdAtOf(f.conversationKey);
    if (createdAt !== undefined && dayStart(createdAt) !== dayStart(f.openedAt)) await this.conversations.append(createdAt, f.conversationKey, null);
  }

  /** Marks the conversation's day as changed (its outcome or rating did). */
  async touchConversation(conversationKey: string): Promise<void> {
    const createdAt = await this.createdAtOf(conversationKey);
    if (createdAt !== undefined) await this.conversations.append(createdAt, conversationKey, null);
  }

  private async createdAtOf(conversationKey: string): Promise<number | undefined> {
    const createdAt = this.createdAt.get(conversationKey) ?? (await this.keyv.get<Conversation>(storeKeys.conversation(conversationKey)))?.createdAt;
    if (createdAt !== undefined) this.createdAt.set(conversationKey, createdAt);
    return createdAt;
  }

  async daySummaries(days: number[]): Promise<StoredDaySummary[]> {
    const [conv, esc] = await Promise.all([this.conversations.heads(days), this.escalations.heads(days)]);
    return this.summaries.read(days.map((day, i) => ({ day, version: `${conv[i]}/${esc[i]}` })));
  }

  saveDaySummary(version: string, summary: DaySummary): Promise<void> {
    return this.summaries.save(version, summary);
  }

  async conversationsCreated(since: number, until: number): Promise<ConversationFacts[]> {
    return (await this.conversations.list(since, until)).filter((c) => c[2] >= since && c[2] < until).map(decodeConversation);
  }

  async escalationsOpened(since: number, until: number): Promise<PacketFacts[]> {
    return (await this.escalations.list(since, until)).filter((e) => e[7] >= since && e[7] < until).map(decodeEscalation);
  }
}

/** Every conversation write also refreshes its facts, in the same store operation, so no use case has to remember to. */
export class FactsRecordingConversationStore implements ConversationStore {
  constructor(
    private readonly inner: KeyvConversationStore,
    private readonly facts: KeyvFactsStore,
  ) {}

  get(key: string): Promise<Conversation | undefined> {
    return this.inner.get(key);
  }

  async put(conversation: Conversation): Promise<void> {
    const slot = await this.facts.conversationSlot(conversationFacts(conversation));
    await this.inner.put(conversation, slot ? [slot] : []);
    slot?.recorded();
  }
}

/**
 * Escalations whose every write also refreshes their facts, inside the escalation's lock: facts
 * appended after the lock is released could land out of order (a claim's after the close that
 * followed it) and leave reports and SLA timers with a stale status.
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
