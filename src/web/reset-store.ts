import type KeyvSqlite from '@keyv/sqlite';
import type { KeyvBackend } from '../infra/store/keyv-backend.js';

/**
 * Empties the playground's store: every row of its SQLite table, whatever key it has (Keyv's own
 * `clear` only removes keys under its namespace, and Baton's keys carry none). A shared Redis is
 * never wiped from a browser button.
 */
export async function emptyStore(backend: KeyvBackend): Promise<void> {
  if (backend.kind !== 'sqlite') throw Object.assign(new Error('the playground resets only its own SQLite store, not a shared Redis'), { code: 'BATON_RESET_REDIS' });
  const adapter = backend.keyv.store as KeyvSqlite;
  await adapter.query(`DELETE FROM ${adapter.opts.table}`);
}
