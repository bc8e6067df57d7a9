import { inject } from 'vitest';

/**
 * The test run's Redis, in a database of this worker's own (VITEST_POOL_ID is 1 to maxWorkers): files
 * running at the same time never share keys, so one file's Baton never recovers another's inbox items.
 */
export function workerRedisUrl(): string {
  return `${inject('redisUrl')}/${Number(process.env.VITEST_POOL_ID ?? '1')}`;
}
