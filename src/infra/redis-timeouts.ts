/** How long a Redis connection may take to open, and a command to answer, before it counts as failed. */
export const REDIS_TIMEOUT_MS = 5_000;

/** Reconnection back-off for every Redis client: quick at first, then every 2 s until Redis is back. */
export function redisRetryDelay(attempt: number): number {
  return Math.min(100 * 2 ** attempt, 2_000);
}
