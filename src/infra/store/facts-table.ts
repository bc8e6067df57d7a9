import type Keyv from 'keyv';
import type { DaySummary } from '../../core/metrics/day-summary.js';
import type { ConversationFacts, PacketFacts } from '../../core/metrics/facts.js';
import { groupBy } from '../../core/metrics/outcome-rows.js';
import type { FactsStore, StoredDaySummary } from '../../core/ports/facts-store.js';
import { decodeConversation, decodeEscalation, encodeConversation, encodeEscalation, type ConversationTuple, type EscalationTuple } from './facts-codec.js';
import { GroupCommit } from './group-commit.js';
import { KeyvDaySummaries } from './keyv-day-summaries.js';

export const DAY_MS = 24 * 60 * 60 * 1000;
/** Past this many writes since a day's summary, the day's changes are no longer logged: it is classified again whole. */
export const MAX_DAY_CHANGES = 2_000;

/** One logged write to a day: the version it moved the day to, the conversation it changed, if one of the day's, and whether it changed the day's escalations. */
export interface DayChange {
  day: number;
  version: number;
  /** The creation time of the conversation of that day whose facts (or rating) changed. */
  at?: number;
  escalations: boolean;
}

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
  /** Packets opened in [since, until), oldest first; only those of the conversations `of` names when given. */
  packets(since: number, until: number, of?: string[]): Promise<EscalationTuple[]>;
  /** Each UTC day's version (0 for a day nothing was written to). */
  versions(days: number[]): Promise<number[]>;
  /** Records that the day's summary was built at `version`: from then on its writes are logged, and those up to it are dropped. */
  summarized(day: number, version: number): Promise<void>;
  /** The logged writes to these days since their summaries, by day and version. */
  changes(days: number[]): Promise<DayChange[]>;
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

  async escalationsOpened(since: number, until: number, of?: string[]): Promise<PacketFacts[]> {
    return (await this.table.packets(since, until, of)).map(decodeEscalation);
  }

  async daySummaries(days: number[], withRows: (s: DaySummary) => boolean = () => false): Promise<StoredDaySummary[]> {
    const versions = (await this.table.versions(days)).map(String);
    const stored = await this.summaries.read(days.map((day, i) => ({ day, version: versions[i]! })), withRows);
    const outdated = stored.filter((s, i) => s.builtAt !== undefined && s.builtAt !== versions[i]);
    const changes = outdated.length > 0 ? groupBy(await this.table.changes(outdated.map((s) => s.day)), (c) => c.day) : new Map<number, DayChange[]>();
    return stored.map((s, i) => {
      const current = { day: s.day, version: versions[i]! };
      if (!s.summary) return current;
      if (s.builtAt === current.version) return { ...current, summary: s.summary };
      const since = sinceSummary(changes.get(s.day) ?? [], Number(s.builtAt), Number(current.version));
      return since ? { ...current, outdated: { summary: s.summary, ...since } } : current;
    });
  }

  async saveDaySummary(version: string, summary: DaySummary): Promise<void> {
    await this.summaries.save(version, summary);
    await this.table.summarized(summary.day, Number(version));
  }
}

export const dayOf = (t: number) => t - (t % DAY_MS);

/**
 * What changed in a day from the version its summary was built at to the current one: undefined unless
 * every write in between was logged (one per version), as when the log was full or a reset moved it on.
 */
function sinceSummary(changes: DayChange[], built: number, current: number): { conversations: number[]; escalations: boolean } | undefined {
  const between = changes.filter((c) => c.version > built && c.version <= current);
  if (built >= current || between.length !== current - built) return undefined;
  return { conversations: [...new Set(between.flatMap((c) => (c.at === undefined ? [] : [c.at])))], escalations: between.some((c) => c.escalations) };
}
