import type { Inbox, InboxItem } from '../../core/ports/inbox.js';
import type { Logger } from '../../core/ports/logger.js';

export interface InboxWorkerOptions {
  /** Items taken but not yet decided, past which intake refuses new events (Slack then retries). */
  maxDepth: number;
  /** Items decided at once, across lanes. */
  concurrency: number;
  /** Called with the depth whenever it changes (the intake backlog gauge). */
  onDepth?: (depth: number) => void;
}

/** Retries an item whose processing threw (the store was briefly unavailable, say) after this long. */
const RETRY_MS = 2000;

/**
 * Takes inbox items and runs `handle` on each: one lane (conversation) at a time in arrival order,
 * `concurrency` lanes at once. An item whose handling throws stays in the inbox and is tried again.
 */
export class InboxWorker {
  private readonly taken = new Map<string, InboxItem>();
  private readonly lanes = new Map<string, Promise<void>>();
  private readonly waiting: (() => void)[] = [];
  private readonly clearing = new Set<Promise<void>>();
  private running = 0;
  private depth = 0;
  private stopped = false;

  constructor(
    private readonly inbox: Inbox,
    private readonly handle: (item: InboxItem, recovered: boolean) => Promise<void>,
    private readonly options: InboxWorkerOptions,
    private readonly log: Logger,
  ) {}

  /** True when the backlog is at its bound: the intake answers non-200 so Slack redelivers later. */
  get full(): boolean {
    return this.depth >= this.options.maxDepth;
  }

  /**
   * Records the event (throws when the store cannot) and queues it. An item already taken and not yet
   * finished (a retry, or the app_mention twin of a message) is only acknowledged again.
   */
  async take(item: InboxItem): Promise<void> {
    if (this.taken.has(item.id)) return;
    await this.inbox.add(item);
    this.queue(item, false);
  }

  /** Queues everything a previous run left in the inbox. */
  async recover(): Promise<number> {
    const items = await this.inbox.pending();
    for (const item of items) if (!this.taken.has(item.id)) this.queue(item, true);
    return items.length;
  }

  /** Records that deliveries for the lane's items are about to be attempted (see InboxItem.delivering). */
  async markDelivering(lane: string): Promise<void> {
    for (const item of this.taken.values()) {
      if (item.lane !== lane || item.delivering) continue;
      item.delivering = true;
      await this.inbox.add(item);
    }
  }

  /** The item's outcome is delivered: it leaves the inbox and may be taken again (a later redelivery is a duplicate). */
  async finish(id: string): Promise<void> {
    const clearing = this.inbox.done(id).then(() => void this.taken.delete(id));
    this.clearing.add(clearing);
    try {
      await clearing;
    } finally {
      this.clearing.delete(clearing);
    }
  }

  /** Resolves once items whose deliveries are done have left the inbox (before the store closes). */
  async flush(): Promise<void> {
    await Promise.allSettled([...this.clearing]);
  }

  stop(): void {
    this.stopped = true;
  }

  get busy(): boolean {
    return this.lanes.size > 0;
  }

  /** Resolves when every queued item has been handled. */
  async idle(): Promise<void> {
    while (this.lanes.size > 0) await Promise.allSettled([...this.lanes.values()]);
  }

  private queue(item: InboxItem, recovered: boolean): void {
    this.taken.set(item.id, item);
    this.setDepth(this.depth + 1);
    const previous = this.lanes.get(item.lane) ?? Promise.resolve();
    const current = previous.then(() => this.run(item, recovered));
    this.lanes.set(item.lane, current);
    void current.finally(() => {
      if (this.lanes.get(item.lane) === current) this.lanes.delete(item.lane);
    });
  }

  private async run(item: InboxItem, recovered: boolean): Promise<void> {
    await this.slot();
    try {
      await this.handle(item, recovered);
      this.setDepth(this.depth - 1);
    } catch (err) {
      this.setDepth(this.depth - 1);
      this.taken.delete(item.id);
      this.log.error({ err, item: item.id }, 'inbox item could not be processed; it stays in the inbox and is tried again');
      if (!this.stopped) setTimeout(() => this.stopped || this.taken.has(item.id) || this.queue(item, true), RETRY_MS).unref();
    } finally {
      this.running -= 1;
      this.waiting.shift()?.();
    }
  }

  private async slot(): Promise<void> {
    if (this.running >= this.options.concurrency) await new Promise<void>((r) => this.waiting.push(r));
    this.running += 1;
  }

  private setDepth(depth: number): void {
    this.depth = depth;
    this.options.onDepth?.(depth);
  }
}
