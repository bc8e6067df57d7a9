import type KeyvSqlite from '@keyv/sqlite';
import { forgetProcessCounters } from '../infra/store/day-sequence.js';
import type { KeyvBackend } from '../infra/store/keyv-backend.js';
import { emptySqliteFactsTable } from '../infra/store/sqlite-facts-table.js';
import { BatonError } from '../core/errors/error-catalogue.js';

/**
 * Empties the playground's store: every row of its SQLite table, whatever key it has (Keyv's own
 * `clear` only removes keys under its namespace, and Baton's keys carry none), the report facts
 * table's, and the counts kept beside them. A shared Redis is never wiped from a browser button.
 */
export async function emptyStore(backend: KeyvBackend, storeUri: string): Promise<void> {
  if (backend.kind !== 'sqlite') throw new BatonError('BATON_RESET_REDIS', 'the playground resets only its own SQLite store, not a shared Redis');
  const adapter = backend.keyv.store as KeyvSqlite;
  await adapter.query(`DELETE FROM ${adapter.opts.table}`);
  await emptySqliteFactsTable(adapter.query);
  // The day logs' next slots are counted in this process: left as they were, new records would land
  // past slots that no longer exist, where no report reads them.
  forgetProcessCounters(storeUri);
}
