import type KeyvSqlite from '@keyv/sqlite';
import { forgetProcessCounters } from '../infra/store/day-sequence.js';
import type { KeyvBackend } from '../infra/store/keyv-backend.js';
import { emptySqliteFactsTable, forgetSqliteFacts } from '../infra/store/sqlite-facts-table.js';
import type { Stores } from '../infra/store/open-stores.js';
import { BatonError } from '../core/errors/error-catalogue.js';
import { forgetWebData } from './forget-web-data.js';
import { WEB_REFERENCES } from './web-references.js';

const WEB_PREFIX = `${WEB_REFERENCES.tag}:`;

/**
 * Empties the playground's store: every row of its SQLite table, whatever key it has (Keyv's own
 * `clear` only removes keys under its namespace, and Baton's keys carry none), the report facts
 * table's, and the counts kept beside them.
 */
export async function emptyStore(backend: KeyvBackend, storeUri: string): Promise<void> {
  const adapter = backend.keyv.store as KeyvSqlite;
  await adapter.query(`DELETE FROM ${adapter.opts.table}`);
  await emptySqliteFactsTable(adapter.query);
  // The day logs' next slots are counted in this process: left as they were, new records would land
  // past slots that no longer exist, where no report reads them.
  forgetProcessCounters(storeUri);
}

/**
 * The playground's reset. Alone, the store is its own and is emptied; beside Slack or Teams, only what
 * the playground wrote is forgotten. A shared Redis is never changed from a browser button.
 */
export async function resetPlayground(stores: Stores, storeUri: string, alone: boolean): Promise<void> {
  if (stores.backend.kind !== 'sqlite') throw new BatonError('BATON_RESET_REDIS', 'the playground resets only its own SQLite store, not a shared Redis');
  if (alone) await emptyStore(stores.backend, storeUri);
  else {
    await forgetWebData(stores.backend.keyv, stores.locks);
    await forgetSqliteFacts((stores.backend.keyv.store as KeyvSqlite).query, WEB_PREFIX);
  }
}
