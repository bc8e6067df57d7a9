/**
 * The record of what reached the fake (Web API calls, response_url posts) and the waiting that
 * end-to-end tests need: the app does its Slack work after `ack()`, so a test waits for the call
 * rather than sleeping.
 */

export interface Waiter<T> {
  matches(entry: T): boolean;
  resolve(entry: T): void;
}

/** An append-only log whose `waitFor` resolves on an entry already present or the next to match. */
export class WaitableLog<T> {
  private readonly entries: T[] = [];
  private waiters: Waiter<T>[] = [];

  constructor(private readonly describe: (entry: T) => string) {}

  push(entry: T): void {
    this.entries.push(entry);
    const ready = this.waiters.filter((w) => w.matches(entry));
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve(entry);
  }

  list(filter: (entry: T) => boolean = () => true): T[] {
    return this.entries.filter(filter);
  }

  clear(): void {
    this.entries.length = 0;
  }

  /**
   * Resolves with the first entry matching `filter` (already logged or yet to come); rejects after
   * `timeoutMs` with everything `related` that did arrive, so a failing test says what it saw.
   */
  waitFor(filter: (entry: T) => boolean, timeoutMs: number, what: string, related: (entry: T) => boolean): Promise<T> {
    const found = this.entries.find(filter);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter<T> = {
        matches: filter,
        resolve: (entry) => {
          clearTimeout(timer);
          resolve(entry);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        const seen = this.entries.filter(related).map(this.describe);
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; seen: ${seen.length ? seen.join('\n  ') : 'nothing'}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Resolves once `count` entries match (the N-th post, not just the first). */
  async waitForCount(filter: (entry: T) => boolean, count: number, timeoutMs: number, what: string): Promise<T[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const matching = this.entries.filter(filter);
      if (matching.length >= count) return matching;
      const left = deadline - Date.now();
      const seenIndex = matching.length;
      // Wait for the next matching entry beyond those already counted.
      await this.waitFor((e) => filter(e) && this.entries.filter(filter).length > seenIndex, Math.max(left, 1), `${count}x ${what}`, filter);
    }
  }
}
