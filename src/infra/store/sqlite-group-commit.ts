import { upsertMany } from './keyv-backend.js';

type Query = (sql: string, ...params: unknown[]) => Promise<unknown>;

interface Waiter {
  resolve(): void;
  reject(err: unknown): void;
}

/**
 * Group commit for one Keyv table in SQLite: the writes and deletes asked for while the previous
 * commit was under way (or in the same turn of the event loop) reach the file as one statement each
 * (one transaction, one append to the write-ahead log), and each caller resolves only once its own
 * change is committed. Under a burst of events this turns dozens of commits into one, each a trip
 * through libuv's thread pool; a lone write waits for nothing but the current turn to end.
 */
export class SqliteGroupCommit {
  /** The latest change asked for per key in the open batch: a serialized value, or null for a delete. */
  private batch = new Map<string, string | null>();
  private waiters = new Map<string, Waiter[]>();
  private scheduled = false;

  constructor(
    private readonly query: Query,
    private readonly table: string,
  ) {}

  set(key: string, serialized: string): Promise<void> {
    return this.enqueue(key, serialized);
  }

  delete(key: string): Promise<void> {
    return this.enqueue(key, null);
  }

  private enqueue(key: string, change: string | null): Promise<void> {
    this.batch.set(key, change);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => void this.drain());
    }
    return new Promise((resolve, reject) => this.waiters.set(key, [...(this.waiters.get(key) ?? []), { resolve, reject }]));
  }

  /** One commit at a time: what arrives during a commit is the next batch. */
  private async drain(): Promise<void> {
    while (this.batch.size > 0) await this.commit();
    this.scheduled = false;
  }

  private async commit(): Promise<void> {
    const batch = this.batch;
    const waiters = this.waiters;
    this.batch = new Map();
    this.waiters = new Map();
    const writes = [...batch].filter((e): e is [string, string] => e[1] !== null);
    const deletes = [...batch].filter(([, v]) => v === null).map(([k]) => k);
    // One key is in one list only (the last change asked for wins), so the two statements commute.
    if (writes.length > 0) await this.run(writes.map(([k]) => k), waiters, upsertMany(this.table), JSON.stringify(writes));
    if (deletes.length > 0) await this.run(deletes, waiters, `DELETE FROM ${this.table} WHERE key IN (SELECT value FROM json_each(?))`, JSON.stringify(deletes));
  }

  /** Runs one statement for `keys` and settles exactly their callers. */
  private async run(keys: string[], waiters: Map<string, Waiter[]>, sql: string, param: string): Promise<void> {
    const settle = (f: (w: Waiter) => void) => {
      for (const k of keys) for (const w of waiters.get(k) ?? []) f(w);
    };
    try {
      await this.query(sql, param);
      settle((w) => w.resolve());
    } catch (err) {
      settle((w) => w.reject(err));
    }
  }
}
