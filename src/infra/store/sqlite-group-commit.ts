import { GroupCommit } from './group-commit.js';
import { upsertMany } from './keyv-backend.js';

type Query = (sql: string, ...params: unknown[]) => Promise<unknown>;

/**
 * Group commit for one Keyv table in SQLite: the writes and deletes of one group reach the file as one
 * statement each (one transaction, one append to the write-ahead log).
 */
export class SqliteGroupCommit {
  /** The latest change asked for per key: a serialized value, or null for a delete. */
  private readonly group = new GroupCommit<string | null>((batch) => this.commit(batch));

  constructor(
    private readonly query: Query,
    private readonly table: string,
  ) {}

  set(key: string, serialized: string): Promise<void> {
    return this.group.add(key, serialized);
  }

  delete(key: string): Promise<void> {
    return this.group.add(key, null);
  }

  private async commit(batch: Map<string, string | null>): Promise<void> {
    const writes = [...batch].filter((e): e is [string, string] => e[1] !== null);
    const deletes = [...batch].filter(([, v]) => v === null).map(([k]) => k);
    // One key is in one list only (the last change asked for wins), so the two statements commute.
    if (writes.length > 0) await this.run(upsertMany(this.table), JSON.stringify(writes));
    if (deletes.length > 0) await this.run(`DELETE FROM ${this.table} WHERE key IN (SELECT value FROM json_each(?))`, JSON.stringify(deletes));
  }

  /** One statement: what the store bench counts as one operation. */
  private async run(sql: string, param: string): Promise<void> {
    await this.query(sql, param);
  }
}
