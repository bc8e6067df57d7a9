import { randomUUID } from 'node:crypto';
import type { RedisClientType } from '@keyv/redis';
import type { Locks } from '../../core/ports/locks.js';
import { ProcessLocks } from './process-locks.js';
import { BatonError } from '../../core/errors/error-catalogue.js';

const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
/** How often a release that failed is tried again while its lease lasts. */
const RELEASE_RETRY_MS = 250;
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
        await this.release(lockKey, token);
      }
    });
  }

  /**
   * Releases the lock; when Redis is away, keeps trying in the background until it answers or the lease
   * ends, so the conversation is free again as soon as Redis is back rather than a whole lease later.
   */
  private async release(lockKey: string, token: string): Promise<void> {
    const attempt = () => this.client.eval(RELEASE, { keys: [lockKey], arguments: [token] });
    try {
      await attempt();
    } catch (err) {
      const until = Date.now() + this.leaseMs;
      const retry = setInterval(() => {
        if (Date.now() > until) clearInterval(retry);
        else attempt().then(() => clearInterval(retry), () => undefined);
      }, RELEASE_RETRY_MS);
      retry.unref();
      throw err;
    }
  }

  private async acquire(lockKey: string, token: string): Promise<void> {
    const deadline = Date.now() + this.waitMs;
    for (let delay = 5; ; delay = Math.min(delay * 2, 100)) {
      const ok = await this.client.set(lockKey, token, { condition: 'NX', expiration: { type: 'PX', value: this.leaseMs } });
      if (ok === 'OK') return;
      if (Date.now() > deadline) {
        throw new BatonError('BATON_LOCK_TIMEOUT', `lock ${lockKey} not acquired within ${this.waitMs} ms`);
      }
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}
