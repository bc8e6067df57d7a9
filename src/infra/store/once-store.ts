import type { RedisClientType } from '@keyv/redis';
import type Keyv from 'keyv';
import type { Locks } from '../../core/ports/locks.js';
import type { OnceStore } from '../../core/ports/stores.js';
import { storeKeys } from './store-keys.js';

/** Set-if-absent over Keyv, made atomic by the key's lock. */
export class KeyvOnceStore implements OnceStore {
  constructor(
    private readonly keyv: Keyv,
    private readonly locks: Locks,
  ) {}

  claimOnce(key: string, ttlMs: number): Promise<boolean> {
    const k = storeKeys.once(key);
    return this.locks.run(k, async () => {
      if (await this.keyv.has(k)) return false;
      await this.keyv.set(k, 1, ttlMs);
      return true;
    });
  }
}

/** Redis has set-if-absent built in: SET NX PX is atomic across every instance. */
export class RedisOnceStore implements OnceStore {
  constructor(private readonly client: RedisClientType) {}

  async claimOnce(key: string, ttlMs: number): Promise<boolean> {
    const ok = await this.client.set(`baton:${storeKeys.once(key)}`, '1', { condition: 'NX', expiration: { type: 'PX', value: ttlMs } });
    return ok === 'OK';
  }
}
