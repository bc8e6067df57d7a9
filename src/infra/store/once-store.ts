import type { RedisClientType } from '@keyv/redis';
import type Keyv from 'keyv';
import type { OnceStore } from '../../core/ports/stores.js';
import { storeKeys } from './store-keys.js';

/**
 * Set-if-absent over Keyv for the one process that owns a SQLite file. A claim in flight is held in
 * memory from the first moment (JavaScript runs it to the first await without interruption), so a
 * racing claim of the same key loses without a lock.
 */
export class KeyvOnceStore implements OnceStore {
  private readonly inFlight = new Set<string>();

  constructor(private readonly keyv: Keyv) {}

  async claimOnce(key: string, ttlMs: number): Promise<boolean> {
    const k = storeKeys.once(key);
    if (this.inFlight.has(k)) return false;
    this.inFlight.add(k);
    try {
      if (await this.keyv.has(k)) return false;
      await this.keyv.set(k, 1, ttlMs);
      return true;
    } finally {
      this.inFlight.delete(k);
    }
  }

  claimed(key: string): Promise<boolean> {
    return this.keyv.has(storeKeys.once(key));
  }
}

/** Redis has set-if-absent built in: SET NX PX is atomic across every instance. */
export class RedisOnceStore implements OnceStore {
  constructor(private readonly client: RedisClientType) {}

  async claimOnce(key: string, ttlMs: number): Promise<boolean> {
    const ok = await this.client.set(`baton:${storeKeys.once(key)}`, '1', { condition: 'NX', expiration: { type: 'PX', value: ttlMs } });
    return ok === 'OK';
  }

  async claimed(key: string): Promise<boolean> {
    return (await this.client.exists(`baton:${storeKeys.once(key)}`)) > 0;
  }
}
