import type Keyv from 'keyv';
import type { Locks } from '../../core/ports/locks.js';
import { utcDay } from './store-keys.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Small records grouped by the UTC day of a time that never changes (created, opened, asked), one
 * Keyv value a day: a 90-day report reads 90 values instead of 100k keys. Each write rewrites that
 * day's value under the day's lock; at a few thousand records a day that is a few hundred KB, cheap
 * next to the Slack round trip that caused it.
 *
 * A bucket is stored as one JSON string: Keyv's own (de)serializer walks every node with a reviver,
 * which made a 90-day report over 100k escalations take seconds; a string is parsed natively.
 */
export class KeyvDayBuckets<T> {
  constructor(
    private readonly keyv: Keyv,
    private readonly locks: Locks,
    private readonly keyOf: (day: string) => string,
  ) {}

  private async read(key: string): Promise<Record<string, T>> {
    const raw = await this.keyv.get<string>(key);
    return raw ? (JSON.parse(raw) as Record<string, T>) : {};
  }

  async get(dayOf: number, id: string): Promise<T | undefined> {
    return (await this.read(this.keyOf(utcDay(dayOf))))[id];
  }

  /** Applies `change` to the record (or to undefined when absent) and stores what it returns. */
  async update(dayOf: number, id: string, change: (current: T | undefined) => T | undefined): Promise<T | undefined> {
    const key = this.keyOf(utcDay(dayOf));
    return this.locks.run(key, async () => {
      const bucket = await this.read(key);
      const next = change(bucket[id]);
      if (next === undefined) return bucket[id];
      bucket[id] = next;
      await this.keyv.set(key, JSON.stringify(bucket));
      return next;
    });
  }

  put(dayOf: number, id: string, value: T): Promise<T | undefined> {
    return this.update(dayOf, id, () => value);
  }

  /** Many records at once, one read-modify-write per day (imports, benchmarks). */
  async putMany(items: { dayOf: number; id: string; value: T }[]): Promise<void> {
    const days = new Map<string, typeof items>();
    for (const item of items) {
      const key = this.keyOf(utcDay(item.dayOf));
      const list = days.get(key);
      if (list) list.push(item);
      else days.set(key, [item]);
    }
    for (const [key, list] of days) {
      await this.locks.run(key, async () => {
        const bucket = await this.read(key);
        for (const item of list) bucket[item.id] = item.value;
        await this.keyv.set(key, JSON.stringify(bucket));
      });
    }
  }

  /** Every record whose day falls in [since, until); callers filter the exact times. */
  async list(since: number, until: number): Promise<T[]> {
    const keys: string[] = [];
    for (let t = since - (since % DAY_MS); t < until; t += DAY_MS) keys.push(this.keyOf(utcDay(t)));
    if (keys.length === 0) return [];
    const buckets = await this.keyv.getMany<string>(keys);
    return buckets.flatMap((raw) => (raw ? Object.values(JSON.parse(raw) as Record<string, T>) : []));
  }
}
