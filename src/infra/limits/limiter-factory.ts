import Bottleneck from 'bottleneck';
import { Redis as IORedis } from 'ioredis';
import type { Logger } from '../../core/ports/logger.js';
import { REDIS_TIMEOUT_MS, redisRetryDelay } from '../redis-timeouts.js';

/**
 * Makes the Bottleneck limiters of the gateways. On one instance they count in memory; with several
 * instances on Redis they are clustered through it (one shared connection), so a limiter with the same
 * id holds its rate across every instance: Slack's 1 message a second per channel is Baton's in total,
 * not per process.
 */
export interface LimiterFactory {
  readonly clustered: boolean;
  /** A group of limiters, one per key; `id` names it in the shared store, the same on every instance. */
  group(id: string, options: Bottleneck.ConstructorOptions): Bottleneck.Group;
  /** Closes the shared connection, after the limiters are stopped. */
  close(): Promise<void>;
}

export function createLimiterFactory(redisUrl: string | undefined, log: Logger): LimiterFactory {
  if (!redisUrl) return { clustered: false, group: (_id, options) => new Bottleneck.Group(options), close: async () => {} };
  const client = new IORedis(redisUrl, {
    connectTimeout: REDIS_TIMEOUT_MS,
    commandTimeout: REDIS_TIMEOUT_MS,
    // Fail a call while Redis is away instead of queueing it for ever; the retry strategy reconnects.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy: redisRetryDelay,
    keyPrefix: '',
  });
  client.on('error', (err: Error) => log.warn({ err: err.message }, 'rate limiter Redis connection failed; retrying'));
  const connection = new Bottleneck.IORedisConnection({ client });
  connection.on('error', (err) => log.warn({ err: String(err) }, 'clustered rate limiter connection error'));
  return {
    clustered: true,
    group: (id, options) => {
      const group = new Bottleneck.Group({ ...options, id: `baton-${id}`, datastore: 'ioredis', connection, clearDatastore: false });
      // While Redis is away a limiter's own upkeep fails too; the call it holds fails and is retried by its caller.
      group.on('created', (limiter) => limiter.on('error', (err: unknown) => log.warn({ err: String(err), limiter: id }, 'clustered rate limiter error')));
      return group;
    },
    close: async () => {
      await connection.disconnect(false).catch(() => undefined);
    },
  };
}
