import { connectStores, type Stores } from '../infra/store/open-stores.js';
import { probeStore } from '../infra/store/store-probe.js';
import { shortReason, StartupFailure, withDeadline } from './startup-failure.js';
import { loadRedis } from '../infra/store/keyv-backend.js';
import { BatonError } from '../core/errors/error-catalogue.js';

/** Longer than SQLite's 10 s busy timeout, so a held lock reports as locked rather than as silence. */
const SQLITE_DEADLINE_MS = 25_000;
const REDIS_DEADLINE_MS = 5_000;

/** The store URI as it may be shown: a Redis password never reaches a log or the terminal. */
export function shownStoreUri(uri: string): string {
  return uri.replace(/^(rediss?:\/\/)[^@/]*@/, '$1***@');
}

/** What went wrong opening a store, in words an operator can act on. */
export function storeProblem(err: unknown): string {
  const code = String((err as { code?: unknown })?.code ?? '');
  if (code === 'SQLITE_READONLY' || code === 'EROFS' || code === 'EACCES') return `the store cannot be written (${code}); Baton must be able to write it`;
  if (code === 'SQLITE_CANTOPEN') return 'cannot open the SQLite file (SQLITE_CANTOPEN): is the path a directory, or its folder not writable?';
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return `the SQLite file is locked by another process (${code} after the 10 s busy timeout)`;
  if (code === 'ENOTDIR' || code === 'EEXIST') return `cannot create the folder for the SQLite file (${code}): a file is in the way`;
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EHOSTUNREACH' || code === 'ETIMEDOUT') return `Redis is unreachable (${code})`;
  if (/^Redis timed out/.test(String((err as { message?: unknown })?.message))) return `Redis did not answer within ${REDIS_DEADLINE_MS / 1000} s`;
  return shortReason(err);
}

/**
 * Opens BATON_STORE and proves it takes a write, within a deadline. Whatever goes wrong becomes one
 * StartupFailure naming the setting: an unusable store must stop Baton before Slack is told anything.
 */
export async function openUsableStores(uri: string): Promise<Stores> {
  const redis = /^rediss?:\/\//.test(uri);
  const ms = redis ? REDIS_DEADLINE_MS : SQLITE_DEADLINE_MS;
  const open = async () => {
    const stores = await connectStores(uri);
    try {
      await probeStore(stores.backend.keyv);
      return stores;
    } catch (err) {
      void stores.close().catch(() => undefined);
      throw err;
    }
  };
  // The Redis client is loaded (only for Redis) before the deadline runs: loading it is no part of Redis answering.
  if (redis) await loadRedis();
  try {
    const silent = () => new BatonError('TIMEOUT', redis ? `Redis did not answer within ${ms / 1000} s` : `the store did not answer within ${ms / 1000} s (locked, or on a stalled disk?)`);
    const stores = await withDeadline(open(), ms, silent);
    // Past the deadline: an upgrade reads every day of a large store once, and takes as long as that does.
    await stores.upgrade().catch(async (err) => {
      await stores.close().catch(() => undefined);
      throw err;
    });
    return stores;
  } catch (err) {
    throw new StartupFailure(`BATON_STORE=${shownStoreUri(uri)}: ${storeProblem(err)}`);
  }
}
