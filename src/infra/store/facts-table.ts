import type Keyv from 'keyv';
import type { DaySummary } from '../../core/metrics/day-summary.js';
import type { ConversationFacts, PacketFacts } from '../../core/metrics/facts.js';
import type { FactsStore, StoredDaySummary } from '../../core/ports/facts-store.js';
import { decodeConversation, decodeEscalation, encodeConversation, encodeEscalation, type ConversationTuple, type EscalationTuple } from './facts-codec.js';
import { GroupCommit } from './group-commit.js';
import { KeyvDaySummaries } from './keyv-day-summaries.js';

export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The report facts as a store's native table, indexed by time (SQLite: a table; Redis: sorted sets
 * scored by time): a period's facts are one range read, whatever the store holds. Each day has a
 * version that every write of a fact the day's report depends on moves, in the same store operation.
 */
export interface FactsTable {
  /** Upserts conversations' facts; each that changed moves the version of the day it was created. */
  putConversations(rows: ConversationTuple[]): Promise<void>;
  /** Upserts packets' facts; each that changed moves the versions of the day it was opened and of its conversation's day. */
  putPackets(rows: EscalationTuple[]): Promise<void>;
  /** Moves the version of the conversation's day (its rating changed). */
  touch(conversationKey: string): Promise<void>;
  /** Conversations created in [since, until), oldest first. */
  conversations(since: number, until: number): Promise<ConversationTuple[]>;
  /** Packets opened in [since, until), oldest first. */
  packets(since: number, until: number): Promise<EscalationTuple[]>;
  /** Each UTC day's version (0 for a day nothing was written to). */
  versions(days: number[]): Promise<number[]>;
}

/** Facts written by one bulk import go to the table in statements of this many rows. */
const IMPORT_BATCH = 5_000;

/**
 * The facts store the reports, timers and exports read (the FactsStore port), on a FactsTable; the
 * day summaries built from it stay in Keyv, each stored with the version of its day's facts.
 */
export class TableFactsStore implements FactsStore {
  private readonly summaries: KeyvDaySummaries;
  /** Facts written at once (a burst's conversations, each in its own lock) share one table statement. */
  private readonly conversationWrites = new GroupCommit<ConversationTuple>((batch) => this.table.putConversations([...batch.values()]));
  private readonly packetWrites = new GroupCommit<EscalationTuple>((batch) => this.table.putPackets([...batch.values()]));

  constructor(
    readonly table: FactsTable,
    keyv: Keyv,
  ) {
    this.summaries = new KeyvDaySummaries(keyv);
  }

  putConversation(f: ConversationFacts): Promise<void> {
    return this.conversationWrites.add(f.key, encodeConversation(f));
  }

  putEscalation(f: PacketFacts): Promise<void> {
    return this.packetWrites.add(f.id, encodeEscalation(f));
  }

  /** Marks the conversation's day as changed (its rating did). */
  touchConversation(conversationKey: string): Promise<void> {
    return this.table.touch(conversationKey);
  }

  /** Many facts at once (imports, benchmarks): conversations first, so each packet finds its conversation's day. */
  async importFacts(conversations: ConversationFacts[], packets: PacketFacts[]): Promise<void> {
    for (let i = 0; i < conversations.length; i += IMPORT_BATCH) await this.table.putConversations(conversations.slice(i, i + IMPORT_BATCH).map(encodeConversation));
    for (let i = 0; i < packets.length; i += IMPORT_BATCH) await this.table.putPackets(packets.slice(i, i + IMPORT_BATCH).map(encodeEscalation));
  }

  async conversationsCreated(since: number, until: number): Promise<ConversationFacts[]> {
    return (await this.table.conversations(since, until)).map(decodeConversation);
  }

  async escalationsOpened(since: number, until: number): Promise<PacketFacts[]> {
    return (await this.table.packets(since, until)).map(decodeEscalation);
  }

  async daySummaries(days: number[], withRows: (s: DaySummary) => boolean = () => false): Promise<StoredDaySummary[]> {
    const versions = await this.table.versions(days);
    return this.summaries.read(days.map((day, i) => ({ day, version: String(versions[i]) })), withRows);
  }

  saveDaySummary(version: string, summary: DaySummary): Promise<void> {
    return this.summaries.save(version, summary);
  }
}

export const dayOf = (t: number) => t - (t % DAY_MS);
