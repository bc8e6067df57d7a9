import { randomUUID } from 'node:crypto';
import type { RedisClientType } from '@keyv/redis';
import type { Locks } from '../../core/ports/locks.js';
import { ProcessLocks } from './process-locks.js';

const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
const RENEW = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

/**
 * Cross-process lock for several Baton instances on one Redis: SET NX PX with a token, renewed while
 * held and released only by its holder. Local callers queue in-process first so one instance does not spin against itself.
 */
export class RedisLocks implements Locks {
  private readonly local = new ProcessLocks();

  constructor(
    private readonly client: RedisClientType,
    private readonly leaseMs = 15_000,
    private readonly waitMs = 20_000,
  ) {}

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    return this.local.run(key, async () => {
      const lockKey = `baton:lock:${key}`;
      const token = randomUUID();
      await this.acquire(lockKey, token);
      // Work under a lock can outlast one lease (an LLM call, a Retry-After wait): keep renewing it while
      // the work runs, so another instance never takes a lock that is still in use.
      const renew = setInterval(() => {
        this.client.eval(RENEW, { keys: [lockKey], arguments: [token, String(this.leaseMs)] }).catch(() => undefined);
      }, this.leaseMs / 3);
      try {
        return await work();
      } finally {
        clearInterval(renew);
        await this.client.eval(RELEASE, { keys: [lockKey], arguments: [token] });
      }
    });
  }

  private async acquire(lockKey: string, token: string): Promise<void> {
    const deadline = Date.now() + this.waitMs;
    for (let delay = 5; ; delay = Math.min(delay * 2, 100)) {
      const ok = await this.client.set(lockKey, token, { condition: 'NX', expiration: { type: 'PX', value: this.leaseMs } });
      if (ok === 'OK') return;
      if (Date.now() > deadline) {
        throw Object.assign(new Error(`lock ${lockKey} not acquired within ${this.waitMs} ms`), { code: 'BATON_LOCK_TIMEOUT' });
      }
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}
