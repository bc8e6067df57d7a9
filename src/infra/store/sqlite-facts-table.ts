import type { ConversationTuple, EscalationTuple } from './facts-codec.js';
import { DAY_MS, MAX_DAY_CHANGES, type DayChange, type FactsTable } from './facts-table.js';

type Query = (sql: string, ...params: unknown[]) => Promise<unknown>;

const day = (column: string) => `${column} / ${DAY_MS} * ${DAY_MS}`;
/** The creation time of the packet's conversation, when it was created on the day `at` falls in. */
const conversationAt = (at: string) => `(SELECT created_at FROM report_conversations WHERE key = NEW.conversation_key AND ${day('created_at')} = ${day(at)})`;
const conversationDay = `(SELECT ${day('created_at')} FROM report_conversations WHERE key = NEW.conversation_key)`;

/**
 * Moves a day's version by one and, while the day's summary is fewer than MAX_DAY_CHANGES writes old,
 * logs what moved it: the creation time of the conversation whose facts changed, and whether the day's
 * escalations did. The triggers below run it for every fact written.
 */
const change = (dayOf: string, at: string, escalations: 0 | 1) => `
  INSERT INTO report_days (day, version) VALUES (${dayOf}, 1) ON CONFLICT(day) DO UPDATE SET version = version + 1;
  INSERT INTO report_changes (day, version, conversation_at, escalations)
    SELECT d.day, d.version, ${at}, ${escalations} FROM report_days d JOIN report_summarized s ON s.day = d.day
    WHERE d.day = ${dayOf} AND d.version - s.version <= ${MAX_DAY_CHANGES};`;

/** Triggers by name; a fact written at another time than before changes the day it left too. */
const TRIGGERS: Record<string, string> = {
  report_conversation_added: `AFTER INSERT ON report_conversations BEGIN ${change(day('NEW.created_at'), 'NEW.created_at', 0)} END`,
  report_conversation_changed: `AFTER UPDATE ON report_conversations BEGIN ${change(day('NEW.created_at'), 'NEW.created_at', 0)} END`,
  report_conversation_moved: `AFTER UPDATE ON report_conversations WHEN OLD.created_at != NEW.created_at BEGIN ${change(day('OLD.created_at'), 'OLD.created_at', 0)} END`,
  report_packet_insert: `AFTER INSERT ON report_packets BEGIN ${change(day('NEW.opened_at'), conversationAt('NEW.opened_at'), 1)} END`,
  report_packet_update: `AFTER UPDATE ON report_packets BEGIN ${change(day('NEW.opened_at'), conversationAt('NEW.opened_at'), 1)} END`,
  report_packet_moved: `AFTER UPDATE ON report_packets WHEN OLD.opened_at != NEW.opened_at BEGIN ${change(day('OLD.opened_at'), conversationAt('OLD.opened_at'), 1)} END`,
  ...Object.fromEntries(
    ['insert', 'update'].map((on) => [
      `report_packet_${on}_conversation`,
      `AFTER ${on.toUpperCase()} ON report_packets WHEN ${conversationDay} != ${day('NEW.opened_at')} BEGIN
        ${change(conversationDay, `(SELECT created_at FROM report_conversations WHERE key = NEW.conversation_key)`, 0)}
      END`,
    ]),
  ),
  // A summary saved at a version needs none of the changes up to it.
  ...Object.fromEntries(
    ['insert', 'update'].map((on) => [
      `report_summary_${on}`,
      `AFTER ${on.toUpperCase()} ON report_summarized BEGIN DELETE FROM report_changes WHERE day = NEW.day AND version <= NEW.version; END`,
    ]),
  ),
};

/**
 * Facts as JSON tuples (facts-codec.ts) beside the columns they are found by. Versions and the change log
 * move in triggers, so a fact and its days' versions are one statement: a summary never holds over a fact
 * written after it, and the log tells which of a day's conversations a write changed. The triggers are
 * created anew on every open, so a file written by an older Baton gets the current ones.
 */
const SCHEMA = [
  'CREATE TABLE IF NOT EXISTS report_conversations (key TEXT PRIMARY KEY, created_at INTEGER NOT NULL, facts TEXT NOT NULL)',
  'CREATE INDEX IF NOT EXISTS report_conversations_created ON report_conversations (created_at)',
  'CREATE TABLE IF NOT EXISTS report_packets (id TEXT PRIMARY KEY, conversation_key TEXT NOT NULL, opened_at INTEGER NOT NULL, facts TEXT NOT NULL)',
  'CREATE INDEX IF NOT EXISTS report_packets_opened ON report_packets (opened_at)',
  'CREATE TABLE IF NOT EXISTS report_days (day INTEGER PRIMARY KEY, version INTEGER NOT NULL)',
  'CREATE TABLE IF NOT EXISTS report_summarized (day INTEGER PRIMARY KEY, version INTEGER NOT NULL)',
  'CREATE TABLE IF NOT EXISTS report_changes (day INTEGER NOT NULL, version INTEGER NOT NULL, conversation_at INTEGER, escalations INTEGER NOT NULL, PRIMARY KEY (day, version)) WITHOUT ROWID',
  ...Object.entries(TRIGGERS).flatMap(([name, body]) => [`DROP TRIGGER IF EXISTS ${name}`, `CREATE TRIGGER ${name} ${body}`]),
];

/** Rows of a JSON array parameter; a row whose facts did not change is not written (and moves no version). */
const UPSERT_CONVERSATIONS = `INSERT INTO report_conversations (key, created_at, facts)
  SELECT value->>'$[0]', value->>'$[2]', value FROM json_each(?) WHERE true
  ON CONFLICT(key) DO UPDATE SET created_at = excluded.created_at, facts = excluded.facts WHERE facts IS NOT excluded.facts`;
const UPSERT_PACKETS = `INSERT INTO report_packets (id, conversation_key, opened_at, facts)
  SELECT value->>'$[0]', value->>'$[1]', value->>'$[7]', value FROM json_each(?) WHERE true
  ON CONFLICT(id) DO UPDATE SET conversation_key = excluded.conversation_key, opened_at = excluded.opened_at, facts = excluded.facts
  WHERE facts IS NOT excluded.facts`;
/** A range as one JSON array SQLite concatenates: parsed natively in one call rather than row by row. */
const range = (table: string, column: string, where = '') =>
  `SELECT '[' || coalesce(group_concat(facts), '') || ']' AS rows FROM (SELECT facts FROM ${table} WHERE ${column} >= ? AND ${column} < ?${where} ORDER BY ${column})`;
const PACKETS = range('report_packets', 'opened_at');
const PACKETS_OF = range('report_packets', 'opened_at', ' AND conversation_key IN (SELECT value FROM json_each(?))');

/**
 * Deletes every fact (the playground's reset) and moves every day's version on, never back, so a
 * summary a running process parsed before the reset never passes for one of the emptied days.
 */
export async function emptySqliteFactsTable(query: Query): Promise<void> {
  for (const table of ['report_conversations', 'report_packets', 'report_changes', 'report_summarized']) await query(`DELETE FROM ${table}`);
  await query('UPDATE report_days SET version = version + 1');
}

/** Deletes the facts of the conversations whose key starts with `prefix` (the playground's, beside Slack or Teams) and their escalations', moving every day's version on. */
export async function forgetSqliteFacts(query: Query, prefix: string): Promise<void> {
  await query('DELETE FROM report_packets WHERE conversation_key LIKE ?', `${prefix}%`);
  await query('DELETE FROM report_conversations WHERE key LIKE ?', `${prefix}%`);
  await query('UPDATE report_days SET version = version + 1');
}

/**
 * The report facts in the embedded store's SQLite file, through the same connection as Keyv's table
 * (Keyv's adapter's `query`), so both are one file, one write-ahead log, one backup.
 */
export class SqliteFactsTable implements FactsTable {
  private constructor(private readonly query: Query) {}

  static async open(query: Query): Promise<SqliteFactsTable> {
    for (const sql of SCHEMA) await query(sql);
    return new SqliteFactsTable(query);
  }

  async putConversations(rows: ConversationTuple[]): Promise<void> {
    await this.query(UPSERT_CONVERSATIONS, JSON.stringify(rows));
  }

  async putPackets(rows: EscalationTuple[]): Promise<void> {
    await this.query(UPSERT_PACKETS, JSON.stringify(rows));
  }

  async touch(conversationKey: string): Promise<void> {
    // An update that changes nothing still runs the conversation's trigger: its day moves and logs it.
    await this.query('UPDATE report_conversations SET facts = facts WHERE key = ?', conversationKey);
  }

  async summarized(day: number, version: number): Promise<void> {
    await this.query('INSERT INTO report_summarized (day, version) VALUES (?, ?) ON CONFLICT(day) DO UPDATE SET version = excluded.version', day, version);
  }

  async changes(days: number[]): Promise<DayChange[]> {
    const rows = (await this.query(
      'SELECT day, version, conversation_at AS at, escalations FROM report_changes WHERE day IN (SELECT value FROM json_each(?)) ORDER BY day, version',
      JSON.stringify(days),
    )) as { day: number; version: number; at: number | null; escalations: number }[];
    return rows.map((r) => ({ day: r.day, version: r.version, ...(r.at === null ? {} : { at: r.at }), escalations: r.escalations === 1 }));
  }

  conversations(since: number, until: number): Promise<ConversationTuple[]> {
    return this.rows(range('report_conversations', 'created_at'), since, until);
  }

  packets(since: number, until: number, of?: string[]): Promise<EscalationTuple[]> {
    return of ? this.rows(PACKETS_OF, since, until, JSON.stringify(of)) : this.rows(PACKETS, since, until);
  }

  async versions(days: number[]): Promise<number[]> {
    const rows = (await this.query('SELECT day, version FROM report_days WHERE day IN (SELECT value FROM json_each(?))', JSON.stringify(days))) as { day: number; version: number }[];
    const byDay = new Map(rows.map((r) => [r.day, r.version]));
    return days.map((d) => byDay.get(d) ?? 0);
  }

  private async rows<T>(sql: string, ...params: unknown[]): Promise<T[]> {
    const [row] = (await this.query(sql, ...params)) as { rows: string }[];
    return JSON.parse(row!.rows) as T[];
  }
}
