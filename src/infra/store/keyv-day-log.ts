import type Keyv from 'keyv';
import type { Locks } from '../../core/ports/locks.js';
import type { DaySequence } from './day-sequence.js';
import { storeKeys, utcDay, type DayLogName } from './store-keys.js';
import { BatonError } from '../../core/errors/error-catalogue.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Slots probed per day in the first round of a read; later rounds grow fourfold. */
const FIRST_PROBE = 8;
/** A day with this many slots not yet folded into its base is folded on the next read. */
const FOLD_AT = 32;
/**
 * A slot still empty this long after a reader first met it, with slots after it written, belongs to a
 * write that failed after taking its number (store writes give up within seconds): folding moves past it.
 */
const GAP_ABANDONED_MS = 60_000;
/** KeyvSqlite matches getMany results to keys pairwise: large batches cost quadratic time. */
const BATCH = 256;

type Slot<T> = [id: string, value: T | null];

/** One day of a log as read: its records and the last slot written (-1 when none was ever). */
export interface LogDay<T> {
  day: number;
  head: number;
  items: Map<string, T>;
}

interface Probe<T> {
  day: string;
  folded: number;
  slots: (Slot<T> | undefined)[];
}

/**
 * Records grouped by the UTC day of a time that never changes (created, opened, asked), written
 * without a lock and in constant bytes: each write appends the record's new value to the day's log
 * as a slot of its own (a number from the DaySequence). A read takes the day's base (the records
 * folded so far, one JSON string parsed natively) and the slots after it, the latest value of each
 * record winning. A read that meets many slots folds them into the base, under the day's lock, which
 * only readers take. A slot with a null value changes nothing but the day's head: a mark that the
 * day's report must be classified again.
 */
export class KeyvDayLog<T> {
  /** When this process first met each empty slot it could not fold past (see GAP_ABANDONED_MS). */
  private readonly gapsSeen = new Map<string, number>();

  constructor(
    private readonly keyv: Keyv,
    private readonly locks: Locks,
    private readonly sequence: DaySequence,
    private readonly name: DayLogName,
    private readonly now: () => number = Date.now,
  ) {}

  private readonly base = (day: string) => storeKeys.logBase(this.name, day);
  private readonly foldedKey = (day: string) => storeKeys.logFolded(this.name, day);
  private readonly slot = (day: string, n: number) => storeKeys.logSlot(this.name, day, n);

  /** Records `value` as the latest of `id` (null: only marks the day as changed). One write. */
  async append(dayOf: number, id: string, value: T | null): Promise<void> {
    const slot = await this.nextSlot(dayOf, id, value);
    if (!(await this.keyv.set(slot.key, slot.value))) throw new BatonError('BATON_STORE_WRITE', `could not store ${slot.key}`);
  }

  /** The key and value `append` would write, for a caller that writes it together with other keys. */
  async nextSlot(dayOf: number, id: string, value: T | null): Promise<{ key: string; value: string }> {
    const day = utcDay(dayOf);
    const key = await this.sequence.nextKey(storeKeys.logSequence(this.name, day), storeKeys.logSlotPrefix(this.name, day), async () => {
      const [probe] = await this.probe([day]);
      return probe!.folded + probe!.slots.length;
    });
    return { key, value: JSON.stringify([id, value] satisfies Slot<T>) };
  }

  /** The last slot written on each day: it moves on every append, so it versions whatever is built from the day. */
  async heads(days: number[]): Promise<number[]> {
    return (await this.probe(days.map(utcDay))).map(headOf);
  }

  /** Every record whose day falls in [since, until), with each day's head; callers filter the exact times. */
  async read(since: number, until: number): Promise<LogDay<T>[]> {
    const days: number[] = [];
    for (let t = since - (since % DAY_MS); t < until; t += DAY_MS) days.push(t);
    if (days.length === 0) return [];
    // Slots before bases: a fold between the two leaves its slots in the base read after.
    const probes = await this.probe(days.map(utcDay));
    const bases = await this.getMany<string>(probes.map((p) => this.base(p.day)));
    const out = probes.map((p, i) => {
      const items = new Map(Object.entries(bases[i] ? (JSON.parse(bases[i]) as Record<string, T>) : {}));
      for (const s of p.slots) if (s && s[1] !== null) items.set(s[0], s[1]);
      return { day: days[i]!, head: headOf(p), items };
    });
    // Folding is housekeeping: a reader that cannot fold still has its records, and the next one tries again.
    await Promise.all(probes.map((p, i) => (p.slots.length >= FOLD_AT ? this.fold(p, out[i]!.items).catch(() => undefined) : undefined)));
    return out;
  }

  async list(since: number, until: number): Promise<T[]> {
    return (await this.read(since, until)).flatMap((d) => [...d.items.values()]);
  }

  /** Many records at once straight into their days' bases (imports, benchmarks). */
  async putMany(items: { dayOf: number; id: string; value: T }[]): Promise<void> {
    const byDay = new Map<string, typeof items>();
    for (const item of items) {
      const day = utcDay(item.dayOf);
      const list = byDay.get(day);
      if (list) list.push(item);
      else byDay.set(day, [item]);
    }
    for (const [day, list] of byDay) {
      await this.locks.run(this.base(day), async () => {
        const raw = await this.keyv.get<string>(this.base(day));
        const base = raw ? (JSON.parse(raw) as Record<string, T>) : {};
        for (const item of list) base[item.id] = item.value;
        await this.keyv.set(this.base(day), JSON.stringify(base));
      });
    }
  }

  /** Folds the day's slots up to the first empty one still awaited, unless another reader just did. */
  private async fold(p: Probe<T>, items: Map<string, T>): Promise<void> {
    const count = this.foldable(p);
    if (count === 0) return;
    // Later slots (after an awaited gap) stay where they are: their values are newer than what is folded.
    const kept = new Map(items);
    for (const s of p.slots.slice(count)) if (s && s[1] !== null) kept.delete(s[0]);
    await this.locks.run(this.base(p.day), async () => {
      if (((await this.keyv.get<number>(this.foldedKey(p.day))) ?? 0) !== p.folded) return;
      await this.keyv.set(this.base(p.day), JSON.stringify(Object.fromEntries(kept)));
      await this.keyv.set(this.foldedKey(p.day), p.folded + count);
      await this.keyv.deleteMany(Array.from({ length: count }, (_, i) => this.slot(p.day, p.folded + i)));
    });
    for (let i = 0; i < count; i++) this.gapsSeen.delete(this.slot(p.day, p.folded + i));
  }

  /** How many leading slots may be folded: up to the first gap whose write may still land. */
  private foldable(p: Probe<T>): number {
    const now = this.now();
    let count = p.slots.length;
    p.slots.forEach((slot, i) => {
      if (slot !== undefined) return;
      const key = this.slot(p.day, p.folded + i);
      const seen = this.gapsSeen.get(key) ?? now;
      this.gapsSeen.set(key, seen);
      if (now - seen < GAP_ABANDONED_MS) count = Math.min(count, i);
    });
    return count;
  }

  /** Each day's folded count and the slots after it, read in rounds until a round finds none. */
  private async probe(days: string[]): Promise<Probe<T>[]> {
    const folded = await this.getMany<number>(days.map(this.foldedKey));
    const probes: Probe<T>[] = days.map((day, i) => ({ day, folded: folded[i] ?? 0, slots: [] }));
    let open = probes;
    for (let size = FIRST_PROBE; open.length > 0; size *= 4) {
      const keys = open.flatMap((p) => Array.from({ length: size }, (_, i) => this.slot(p.day, p.folded + p.slots.length + i)));
      const raws = await this.getMany<string>(keys);
      open = open.filter((p, i) => {
        const found = raws.slice(i * size, (i + 1) * size).map((r) => (r ? (JSON.parse(r) as Slot<T>) : undefined));
        if (found.every((s) => s === undefined)) return false;
        p.slots.push(...found);
        return true;
      });
    }
    for (const p of probes) while (p.slots.length > 0 && p.slots.at(-1) === undefined) p.slots.pop();
    return probes;
  }

  private async getMany<V>(keys: string[]): Promise<(V | undefined)[]> {
    const out: (V | undefined)[] = [];
    for (let i = 0; i < keys.length; i += BATCH) out.push(...(await this.keyv.getMany<V>(keys.slice(i, i + BATCH))));
    return out;
  }
}

const headOf = (p: Probe<unknown>) => p.folded + p.slots.length - 1;
