import { randomUUID } from 'node:crypto';
import type Keyv from 'keyv';
import { storeKeys } from './store-keys.js';
import { BatonError } from '../../core/errors/error-catalogue.js';

/**
 * Writes a key, reads it back and deletes it: a store that opens but cannot take writes (read-only
 * file, a directory path, a lock held past the busy timeout, Redis gone) fails here instead of dropping
 * messages later. Keyv reports store failures as 'error' events (its calls then just return nothing), so
 * the first one seen during the probe is what it throws.
 */
export async function probeStore(keyv: Keyv): Promise<void> {
  const errors: unknown[] = [];
  const onError = (err: unknown) => errors.push(err);
  keyv.on('error', onError);
  try {
    const key = storeKeys.probe(randomUUID());
    await keyv.set(key, 1, 60_000);
    const back = await keyv.get(key);
    await keyv.delete(key);
    if (errors.length > 0) throw errors[0];
    if (back !== 1) throw new BatonError('STORE_PROBE_MISMATCH', 'the store did not return what was just written to it');
  } finally {
    keyv.off('error', onError);
  }
}
