import type { ConversationTuple, EscalationTuple } from './facts-codec.js';
import { DAY_MS, type FactsTable } from './facts-table.js';

type Query = (sql: string, ...params: unknown[]) => Promise<unknown>;

const day = (column: string) => `${column} / ${DAY_MS} * ${DAY_MS}`;
/** Moves a day's version by one; the triggers below run it for every fact written. */
const bump = (dayOf: string) => `INSERT INTO report_days (day, version) VALUES (${dayOf}, 1) ON CONFLICT(day) DO UPDATE SET version = version + 1;`;
const conversationDay = (key: string) => `(SELECT ${day('created_at')} FROM report_conversations WHERE key = ${key})`;

/**
 * Facts as JSON tuples (facts-codec.ts) beside the columns they are found by. Versions move in triggers,
 * so a fact and its days' versions are one statement: a summary never holds over a fact written after it.
 */
const SCHEMA = [
  'CREATE TABLE IF NOT EXISTS report_conversations (key TEXT PRIMARY KEY, created_at INTEGER NOT NULL, facts TEXT NOT NULL)',
  'CREATE INDEX IF NOT EXISTS report_conversations_created ON report_conversations (created_at)',
  'CREATE TABLE IF NOT EXISTS report_packets (id TEXT PRIMARY KEY, conversation_key TEXT NOT NULL, opened_at INTEGER NOT NULL, facts TEXT NOT NULL)',
  'CREATE INDEX IF NOT EXISTS report_packets_opened ON report_packets (opened_at)',
  'CREATE TABLE IF NOT EXISTS report_days (day INTEGER PRIMARY KEY, version INTEGER NOT NULL)',
  `CREATE TRIGGER IF NOT EXISTS report_conversation_added AFTER INSERT ON report_conversations BEGIN ${bump(day('NEW.created_at'))} END`,
  `CREATE TRIGGER IF NOT EXISTS report_conversation_changed AFTER UPDATE ON report_conversations BEGIN ${bump(day('NEW.created_at'))} END`,
  ...['INSERT', 'UPDATE'].map(
    (on) => `CREATE TRIGGER IF NOT EXISTS report_packet_${on.toLowerCase()} AFTER ${on} ON report_packets BEGIN
      ${bump(day('NEW.opened_at'))}
      INSERT INTO report_days (day, version) SELECT ${day('created_at')}, 1 FROM report_conversations WHERE key = NEW.conversation_key AND ${day('created_at')} != ${day('NEW.opened_at')} ON CONFLICT(day) DO UPDATE SET version = version + 1;
    END`,
  ),
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
const range = (table: string, column: string) =>
  `SELECT '[' || coalesce(group_concat(facts), '') || ']' AS rows FROM (SELECT facts FROM ${table} WHERE ${column} >= ? AND ${column} < ? ORDER BY ${column})`;

/**
 * Deletes every fact (the playground's reset) and moves every day's version on, never back, so a
 * summary a running process parsed before the reset never passes for one of the emptied days.
 */
export async function emptySqliteFactsTable(query: Query): Promise<void> {
  for (const table of ['report_conversations', 'report_packets']) await query(`DELETE FROM ${table}`);
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
    await this.query(`UPDATE report_days SET version = version + 1 WHERE day = ${conversationDay('?')}`, conversationKey);
  }

  conversations(since: number, until: number): Promise<ConversationTuple[]> {
    return this.rows(range('report_conversations', 'created_at'), since, until);
  }

  packets(since: number, until: number): Promise<EscalationTuple[]> {
    return this.rows(range('report_packets', 'opened_at'), since, until);
  }

  async versions(days: number[]): Promise<number[]> {
    const rows = (await this.query('SELECT day, version FROM report_days WHERE day IN (SELECT value FROM json_each(?))', JSON.stringify(days))) as { day: number; version: number }[];
    const byDay = new Map(rows.map((r) => [r.day, r.version]));
    return days.map((d) => byDay.get(d) ?? 0);
  }

  private async rows<T>(sql: string, since: number, until: number): Promise<T[]> {
    const [row] = (await this.query(sql, since, until)) as { rows: string }[];
    return JSON.parse(row!.rows) as T[];
  }
}
