import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { sqliteFile } from '../infra/store/keyv-backend.js';
import { shownStoreUri, storeProblem } from '../startup/usable-store.js';
import { CommandFailure } from './command.js';

/**
 * Opens the store a command works on (`--store`, else BATON_STORE), its SQLite folder created as the
 * server creates it. A store it cannot use is one line naming the store and why, exit 1, as at start-up:
 * never a stack trace.
 */
export async function openCliStore<T>(uri: string, open: (uri: string) => Promise<T>): Promise<T> {
  const shown = `store ${shownStoreUri(uri)}`;
  if (!/^(sqlite|rediss?):\/\//.test(uri)) throw new CommandFailure(`${shown}: a store is sqlite://path or redis://host (--store, else BATON_STORE)`);
  try {
    if (uri.startsWith('sqlite://')) mkdirSync(dirname(sqliteFile(uri)), { recursive: true });
    return await open(uri);
  } catch (err) {
    throw new CommandFailure(`${shown}: ${storeProblem(err)}`);
  }
}
