import type { Locks } from '../../core/ports/locks.js';

/**
 * Per-key serialization inside one process: each caller waits for the previous holder of the key.
 * Enough when one Baton process owns the store (the SQLite default).
 */
export class ProcessLocks implements Locks {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const current = previous.catch(() => undefined).then(work);
    const tail = current.catch(() => undefined);
    this.tails.set(key, tail);
    try {
      return await current;
    } finally {
      // Forget the key once nobody queued behind us, so the map does not grow with every thread ever seen.
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
