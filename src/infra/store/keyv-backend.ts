import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { RedisClientType } from '@keyv/redis';
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import { BatonError } from '../../core/errors/error-catalogue.js';

export interface KeyvBackend {
  kind: 'sqlite' | 'redis';
  keyv: Keyv;
  /** Present for Redis: the shared store's atomic primitives (SET NX, locks) go straight to it. */
  redis?: RedisClientType;
  /** Present for SQLite: a statement on the file's connection (Keyv's own), for the native tables beside Keyv's. */
  sql?: (statement: string, ...params: unknown[]) => Promise<unknown>;
  /** The Keyv keys starting with `prefix` (a one-off scan: migrations). */
  keysStartingWith(prefix: string): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * Write-ahead log, synced at checkpoints: a commit is one append that survives a killed process (the
 * OS holds the bytes), which is the failure Baton guards against; a power cut may lose the last commits.
 */
export async function useWriteAheadLog(adapter: KeyvSqlite): Promise<void> {
  await adapter.query('PRAGMA journal_mode=WAL');
  await adapter.query('PRAGMA synchronous=NORMAL');
}

export function sqliteFile(uri: string): string {
  return resolve(uri.slice('sqlite://'.length));
}

/** One statement writing every `[key, value]` pair of a JSON array parameter into a Keyv table. */
export function upsertMany(table: string): string {
  return `INSERT INTO ${table} (key, value) SELECT value->>'$[0]', value->>'$[1]' FROM json_each(?) WHERE true ON CONFLICT(key) DO UPDATE SET value = excluded.value`;
}

let redisSide: typeof import('./redis-adapter.js') | undefined;

/**
 * The Redis client and adapter, loaded only where BATON_STORE names Redis. Loaded ahead (openUsableStores
 * does), the store opens with no wait before its connection starts, so Redis's own errors beat the deadline.
 */
export async function loadRedis(): Promise<typeof import('./redis-adapter.js')> {
  redisSide ??= await import('./redis-adapter.js');
  return redisSide;
}

/** Opens the store named by BATON_STORE: `sqlite://path/to/file.sqlite` (default) or `redis://host:port`. */
export async function openKeyvBackend(uri: string): Promise<KeyvBackend> {
  if (uri.startsWith('redis://') || uri.startsWith('rediss://')) {
    const { connectRedis, redisAdapter } = redisSide ?? (await loadRedis());
    const adapter = redisAdapter<unknown>(uri, 'baton');
    // A failed read must not look like a missing key (a conversation seen as new, a claim as free).
    const keyv = new Keyv({ store: adapter, useKeyPrefix: false, throwOnErrors: true });
    const redis = await connectRedis(adapter);
    const keysStartingWith = async (prefix: string) => {
      const keys: string[] = [];
      const namespaced = adapter.createKeyPrefix('', adapter.namespace);
      for await (const found of redis.scanIterator({ MATCH: `${namespaced}${prefix}*`, COUNT: 1000 })) keys.push(...found.map((k) => k.slice(namespaced.length)));
      return keys;
    };
    return { kind: 'redis', keyv, redis, keysStartingWith, close: () => keyv.disconnect() };
  }
  if (uri.startsWith('sqlite://')) {
    const file = sqliteFile(uri);
    mkdirSync(dirname(file), { recursive: true });
    const adapter = new KeyvSqlite({ uri: `sqlite://${file}`, busyTimeout: 10_000 });
    await useWriteAheadLog(adapter);
    const keyv = new Keyv({ store: adapter, useKeyPrefix: false });
    // The key's primary-key index serves the range; LIKE would scan the table.
    const keysStartingWith = async (prefix: string) =>
      ((await adapter.query(`SELECT key FROM ${String(adapter.opts.table)} WHERE key >= ? AND key < ?`, prefix, `${prefix}\uffff`)) as { key: string }[]).map((r) => r.key);
    return { kind: 'sqlite', keyv, sql: adapter.query, keysStartingWith, close: () => keyv.disconnect() };
  }
  throw new BatonError('BATON_STORE_URI', `BATON_STORE must start with sqlite:// or redis:// (got "${uri}")`);
}
