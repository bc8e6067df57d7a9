import type { RedisClientType } from '@keyv/redis';

/**
 * Hands out the next slot number of a named append-only log (one per store log and day), so writers
 * append without a lock or a read-modify-write. `start` says where a log stands when this process
 * first meets it (the slots already written), read from the store once per log.
 */
export interface DaySequence {
  next(log: string, start: () => Promise<number>): Promise<number>;
}

/**
 * One SQLite file is written by one Baton process, so its counters live in that process. They are
 * shared by every store object opened on the same file (tests open a writer and a reader side by side).
 */
const processCounters = new Map<string, Map<string, Promise<{ next: number }>>>();

export class ProcessSequence implements DaySequence {
  private readonly counters: Map<string, Promise<{ next: number }>>;

  constructor(storeUri: string) {
    this.counters = processCounters.get(storeUri) ?? new Map();
    processCounters.set(storeUri, this.counters);
  }

  async next(log: string, start: () => Promise<number>): Promise<number> {
    let counter = this.counters.get(log);
    if (!counter) {
      counter = start().then((next) => ({ next }));
      this.counters.set(log, counter);
      // A failed look-up must not stick: the next append asks the store again.
      counter.catch(() => this.counters.delete(log));
    }
    const c = await counter;
    return c.next++;
  }
}

/** Several instances share one Redis: INCR is its atomic counter, one round trip per slot. */
export class RedisSequence implements DaySequence {
  constructor(private readonly client: RedisClientType) {}

  async next(log: string): Promise<number> {
    return (await this.client.incr(`baton:${log}`)) - 1;
  }
}
