/**
 * Hands out the key of the next slot of a named append-only log (one per store log and day), so
 * writers append without a lock or a read-modify-write. Slots are `prefix` followed by their number;
 * `counter` names the log's counter, and `start` says where a log stands when this process first meets
 * it (the slots already written), read from the store once per log.
 */
export interface DaySequence {
  nextKey(counter: string, prefix: string, start: () => Promise<number>): Promise<string>;
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

  async nextKey(log: string, prefix: string, start: () => Promise<number>): Promise<string> {
    let counter = this.counters.get(log);
    if (!counter) {
      counter = start().then((next) => ({ next }));
      this.counters.set(log, counter);
      // A failed look-up must not stick: the next append asks the store again.
      counter.catch(() => this.counters.delete(log));
    }
    const c = await counter;
    return `${prefix}${c.next++}`;
  }
}

/** After the store's file was emptied (the playground's reset), every log starts again from its first slot. */
export function forgetProcessCounters(storeUri: string): void {
  processCounters.get(storeUri)?.clear();
}

/** Separates a numbered key's slot prefix from its counter; no stored key contains it. */
const NUMBERED = '\u0000#';

/**
 * Several instances share one Redis: the slot is numbered by the store as it is written, by a Lua
 * script that increments the counter and writes the slot (and whatever is written with it) in one
 * round trip (RedisStateAdapter). The key handed out names the prefix and the counter for that script.
 */
export class RedisSequence implements DaySequence {
  async nextKey(counter: string, prefix: string): Promise<string> {
    return `${prefix}${NUMBERED}baton:${counter}`;
  }
}

/** The slot prefix and counter of a key from RedisSequence; undefined for any other key. */
export function numberedKey(key: string): { prefix: string; counter: string } | undefined {
  const at = key.indexOf(NUMBERED);
  return at < 0 ? undefined : { prefix: key.slice(0, at), counter: key.slice(at + NUMBERED.length) };
}
