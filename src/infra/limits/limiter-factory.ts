import Bottleneck from 'bottleneck';
import { createRequire } from 'node:module';
import { BurstyRateLimiter, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Logger } from '../../core/ports/logger.js';
import { REDIS_TIMEOUT_MS, redisRetryDelay } from '../redis-timeouts.js';

/** The Redis client, loaded (synchronously, it is CommonJS) only for clustered limits: a single instance never pays for it. */
const ioredis = () => createRequire(import.meta.url)('ioredis') as typeof import('ioredis');

/** How calls under one key are limited: paced in this process, and capped across every instance. */
export interface LimitShape {
  /** In-process pacing and concurrency (Bottleneck, in memory). */
  local: Bottleneck.ConstructorOptions;
  /**
   * At most `points` calls per window of `seconds` (whole seconds: Redis EX), for all instances sharing
   * the Redis together. A window starts at its first call, so `points: 1` spaces calls `seconds` apart.
   */
  shared: SharedLimit & {
    /** Extra calls allowed once a window's are spent (rate-limiter-flexible's BurstyRateLimiter), `points` per `seconds`. */
    burst?: SharedLimit;
  };
}

interface SharedLimit {
  points: number;
  seconds: number;
}

/** Calls scheduled per key (a channel, a method, a thread), each key limited by its shape. */
export interface KeyedLimiter {
  schedule<T>(key: string, job: () => Promise<T>): Promise<T>;
  /** Lets the jobs already waiting run, and takes no more. */
  stop(): Promise<void>;
}

/**
 * Makes the gateways' limiters. Pacing is Bottleneck's, always in memory. With several instances on
 * Redis, each call also takes a point from a shared counter (rate-limiter-flexible) under the same id on
 * every instance, so Slack's 1 message a second per channel is Baton's in total, not per process.
 * The shared counters are plain keys that expire with their window: a call that ends while Redis is away
 * leaves nothing held (Bottleneck's clustered mode counted it running until its release reached Redis).
 */
export interface LimiterFactory {
  readonly clustered: boolean;
  /** `id` names the limiter in the shared store, the same on every instance. */
  keyed(id: string, shape: (key: string) => LimitShape): KeyedLimiter;
  /** Throws while the shared counters cannot be reached (`/readyz`). */
  check(): Promise<void>;
  /** Closes the shared connection, after the limiters are stopped. */
  close(): Promise<void>;
}

type Take = (id: string, key: string, shared: LimitShape['shared']) => Promise<void>;

function keyedLimiter(id: string, shape: (key: string) => LimitShape, take: Take | undefined): KeyedLimiter {
  const group = new Bottleneck.Group();
  group.on('created', (limiter, key) => limiter.updateSettings(shape(key).local));
  return {
    schedule: (key, job) => group.key(key).schedule(async () => {
      await take?.(id, key, shape(key).shared);
      return job();
    }),
    stop: async () => {
      await Promise.all(group.limiters().map(({ limiter }) => limiter.stop({ dropWaitingJobs: false })));
    },
  };
}

export function createLimiterFactory(redisUrl: string | undefined, log: Logger): LimiterFactory {
  if (!redisUrl) return { clustered: false, keyed: (id, shape) => keyedLimiter(id, shape, undefined), check: async () => {}, close: async () => {} };
  const client = new (ioredis().Redis)(redisUrl, {
    connectTimeout: REDIS_TIMEOUT_MS,
    commandTimeout: REDIS_TIMEOUT_MS,
    // Fail a call while Redis is away instead of queueing it for ever; the retry strategy reconnects.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy: redisRetryDelay,
    keyPrefix: '',
  });
  client.on('error', (err: Error) => log.warn({ err: err.message }, 'rate limiter Redis connection failed; retrying'));
  // While Redis is away this process counts alone (the insurance limiter), so deliveries that can reach
  // the store keep their pace; a 429 from Slack covers what instances counting apart may add.
  const redisLimit = (prefix: string, { points, seconds }: SharedLimit) =>
    new RateLimiterRedis({ storeClient: client, keyPrefix: prefix, points, duration: seconds, rejectIfRedisNotReady: true, insuranceLimiter: new RateLimiterMemory({ points, duration: seconds }) });
  const counters = new Map<string, { consume(key: string): Promise<RateLimiterRes> }>();
  const counter = (id: string, shared: LimitShape['shared']) => {
    const name = `${id}:${JSON.stringify(shared)}`;
    let c = counters.get(name);
    if (!c) {
      const base = redisLimit(`baton-limit-${id}`, shared);
      c = shared.burst ? new BurstyRateLimiter(base, redisLimit(`baton-limit-${id}-burst`, shared.burst)) : base;
      counters.set(name, c);
    }
    return c;
  };
  // Waits for a point; a refusal says how long until the window ends.
  const take: Take = async (id, key, shared) => {
    for (;;) {
      try {
        await counter(id, shared).consume(key);
        return;
      } catch (res) {
        if (!(res instanceof RateLimiterRes)) throw res;
        await new Promise((r) => setTimeout(r, Math.max(1, res.msBeforeNext)));
      }
    }
  };
  return {
    clustered: true,
    keyed: (id, shape) => keyedLimiter(id, shape, take),
    check: async () => {
      if (client.status !== 'ready') throw new Error(`rate limiter Redis connection is ${client.status}`);
      await client.ping();
    },
    close: async () => {
      client.disconnect(false);
    },
  };
}
