import KeyvRedis, { createClient, type RedisClientType } from '@keyv/redis';
import { REDIS_TIMEOUT_MS, redisRetryDelay } from '../redis-timeouts.js';
import { RedisStateAdapter } from './redis-state-adapter.js';

// Imported only where BATON_STORE names Redis (`await import`): a start on SQLite does not load the client.

/**
 * A Keyv Redis adapter with bounded waits everywhere: opening the connection, each command, and no
 * queueing while Redis is away, so a caller learns at once that the store is unreachable (intake then
 * answers Slack non-200) instead of hanging; the client keeps reconnecting, and work resumes when
 * Redis is back. Errors throw: a read that failed must not look like a missing key. It writes day-log
 * slots numbered on Redis too (RedisStateAdapter).
 */
export function redisAdapter<T>(uri: string, namespace: string): KeyvRedis<T> {
  const client = createClient({
    url: uri,
    disableOfflineQueue: true,
    socket: { connectTimeout: REDIS_TIMEOUT_MS, reconnectStrategy: redisRetryDelay },
    commandOptions: { timeout: REDIS_TIMEOUT_MS },
  });
  return new RedisStateAdapter<T>(client as RedisClientType, { throwOnConnectError: true, throwOnErrors: true, namespace, connectionTimeout: REDIS_TIMEOUT_MS });
}

/**
 * The adapter's first connection. On failure @keyv/redis throws a generic "not connected" error and
 * emits the real one (ECONNREFUSED, ENOTFOUND, a timeout) as an event: that one is rethrown, so the
 * start names what went wrong.
 */
export async function connectRedis(adapter: KeyvRedis<unknown>): Promise<RedisClientType> {
  let cause: unknown;
  const remember = (err: unknown) => {
    cause ??= err;
  };
  adapter.on('error', remember);
  try {
    return (await adapter.getClient()) as RedisClientType;
  } catch (err) {
    throw cause ?? err;
  } finally {
    adapter.off('error', remember);
  }
}
