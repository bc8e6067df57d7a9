import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openStores, type Stores } from '../../src/infra/store/open-stores.js';
import { workerRedisUrl } from '../worker-redis.js';

/** Opens stores for the calling test file, each closed after the test that opened it. */
export function storesClosedAfterEach(): (uri: string) => Promise<Stores> {
  const opened: Stores[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
  });
  return async (uri) => {
    const stores = await openStores(uri);
    opened.push(stores);
    return stores;
  };
}

/** The two stores Baton runs on, for `describe.each`: a fresh SQLite file each call, and this worker's Redis. */
export const STORES: [name: string, uri: () => string][] = [
  ['SQLite', () => `sqlite://${join(mkdtempSync(join(tmpdir(), 'baton-store-')), 'baton.sqlite')}`],
  ['Redis', () => workerRedisUrl()],
];
