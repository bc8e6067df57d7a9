interface Waiter {
  resolve(): void;
  reject(err: unknown): void;
}

/**
 * Group commit: the changes asked for while the previous commit was under way (or in the same turn of
 * the event loop) are committed together, the latest change per key winning, and each caller resolves
 * only once the commit holding its change is done (or rejects with its failure). Under a burst this
 * turns dozens of commits, each a trip through libuv's thread pool or a round trip, into one; a lone
 * change waits for nothing but the current turn to end.
 */
export class GroupCommit<V> {
  private batch = new Map<string, V>();
  private waiters: Waiter[] = [];
  private scheduled = false;

  constructor(private readonly commit: (batch: Map<string, V>) => Promise<void>) {}

  add(key: string, change: V): Promise<void> {
    this.batch.set(key, change);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => void this.drain());
    }
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  /** One commit at a time: what arrives during a commit is the next batch. */
  private async drain(): Promise<void> {
    while (this.batch.size > 0) {
      const batch = this.batch;
      const waiters = this.waiters;
      this.batch = new Map();
      this.waiters = [];
      try {
        await this.commit(batch);
        for (const w of waiters) w.resolve();
      } catch (err) {
        for (const w of waiters) w.reject(err);
      }
    }
    this.scheduled = false;
  }
}
