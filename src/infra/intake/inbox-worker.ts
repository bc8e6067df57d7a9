import { systemClock, type Clock } from '../../core/ports/clock.js';
import type { Inbox, InboxItem } from '../../core/ports/inbox.js';
import type { Logger } from '../../core/ports/logger.js';
import { HeldGroup, type StandsAlone, timerWake, type Wake } from './held-group.js';
import { IntakeBurst } from './intake-burst.js';

export interface InboxWorkerOptions {
  /** Items taken but not yet decided, past which intake refuses new events (Slack then retries). */
  maxDepth: number;
  /** Items decided at once, across lanes. */
  concurrency: number;
  /** Called with the depth whenever it changes (the intake backlog gauge). */
  onDepth?: (depth: number) => void;
  /** How long an item waits for the next ones of its lane to be decided with it (0: alone, at once). */
  holdMs?: (item: InboxItem) => number;
  /** A held group whose first item makes a request on its own is decided at once, not after the window. */
  standsAlone?: StandsAlone;
  /** A new thread's message joins the group its author started in that channel just before (InboxItem.newThread). */
  joinNewThreads?: boolean;
  /** Reads receipt times against this clock, woken by `wake` (tests drive both). */
  clock?: Clock;
  wake?: Wake;
}

/** Retries an item whose processing threw (the store was briefly unavailable, say) after this long. */
const RETRY_MS = 2000;

/**
 * Takes inbox items and runs `handle` on each group of them (see HeldGroup; an item not held is a group
 * of one): one lane (conversation) at a time in arrival order, `concurrency` lanes at once, none started while a burst of events is being acknowledged. A group
 * whose handling throws stays in the inbox and is tried again.
 */
export class InboxWorker {
  private readonly taken = new Map<string, InboxItem>();
  private readonly lanes = new Map<string, Promise<void>>();
  /** Each lane's group still taking items. */
  private readonly open = new Map<string, HeldGroup>();
  /** The lane of the open group each channel-and-author's latest new thread started. */
  private readonly starters = new Map<string, string>();
  private readonly waiting: (() => void)[] = [];
  private readonly clearing = new Set<Promise<void>>();
  private readonly burst = new IntakeBurst();
  private running = 0;
  private depth = 0;
  /** Events being recorded: counted against the bound before their write, as events of one group commit are all checked first. */
  private recording = 0;
  private stopped = false;

  constructor(
    private readonly inbox: Inbox,
    private readonly handle: (items: InboxItem[], recovered: boolean) => Promise<void>,
    private readonly options: InboxWorkerOptions,
    private readonly log: Logger,
  ) {}

  /** True when the backlog is at its bound: the intake answers non-200 so Slack redelivers later. */
  get full(): boolean {
    return this.depth + this.recording >= this.options.maxDepth;
  }

  /**
   * Records the event (throws when the store cannot) and queues it. An item already taken and not yet
   * finished (a retry, or the app_mention twin of a message) is only acknowledged again.
   */
  async take(item: InboxItem): Promise<void> {
    if (this.taken.has(item.id)) return;
    const joined = this.joining(item);
    this.recording += 1;
    try {
      await this.inbox.add(joined);
    } finally {
      this.recording -= 1;
    }
    this.burst.taken();
    this.queue(joined, false);
  }

  /** The item moved into the open group its author's previous new thread started, when it joins one. */
  private joining(item: InboxItem): InboxItem {
    const by = this.options.joinNewThreads ? item.newThread?.by : undefined;
    if (!by) return item;
    const group = this.open.get(this.starters.get(by) ?? '');
    const starter = group?.items[0]?.newThread;
    if (group && starter && (this.options.holdMs?.(item) ?? 0) > 0 && group.admits(item)) return { ...item, lane: group.lane, joined: starter.ref };
    this.starters.set(by, item.lane);
    return item;
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

  /** Takes nothing more; groups still held are decided now, so stopping waits for no window. */
  stop(): void {
    this.stopped = true;
    for (const group of this.open.values()) group.close();
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
    const held = this.open.get(item.lane);
    const holdMs = this.options.holdMs?.(item) ?? 0;
    if (holdMs > 0 && held?.admits(item)) {
      held.add(item, recovered);
      return;
    }
    const group = new HeldGroup(item.lane, holdMs, this.options.clock ?? systemClock, this.options.wake ?? timerWake, this.lookAlone());
    if (holdMs > 0) this.open.set(item.lane, group);
    group.add(item, recovered);
    const previous = this.lanes.get(item.lane) ?? Promise.resolve();
    const current = previous.then(() => this.run(group));
    this.lanes.set(item.lane, current);
    void current.finally(() => {
      if (this.lanes.get(item.lane) === current) this.lanes.delete(item.lane);
    });
  }

  private async run(group: HeldGroup): Promise<void> {
    await group.closed;
    if (this.open.get(group.lane) === group) this.open.delete(group.lane);
    const by = group.items[0]?.newThread?.by;
    if (by && this.starters.get(by) === group.lane) this.starters.delete(by);
    await this.slot();
    const { items } = group;
    try {
      await this.handle(items, group.recovered);
      this.setDepth(this.depth - items.length);
    } catch (err) {
      this.setDepth(this.depth - items.length);
      for (const item of items) this.taken.delete(item.id);
      this.log.error({ err, items: items.map((i) => i.id) }, 'inbox items could not be processed; they stay in the inbox and are tried again');
      // Queued again in one go, so the same items form the same group.
      if (!this.stopped) setTimeout(() => this.requeue(items), RETRY_MS).unref();
    } finally {
      this.running -= 1;
      this.waiting.shift()?.();
    }
  }

  private requeue(items: InboxItem[]): void {
    if (this.stopped) return;
    for (const item of items) if (!this.taken.has(item.id)) this.queue(item, true);
  }

  /** The look at a group's first message waits for a burst to ease, like a decision: acknowledging comes first. */
  private lookAlone(): StandsAlone | undefined {
    const standsAlone = this.options.standsAlone;
    return (
      standsAlone &&
      (async (item) => {
        await this.burst.clear();
        return standsAlone(item);
      })
    );
  }

  /** A free slot, once a burst of events lets decisions start (IntakeBurst). */
  private async slot(): Promise<void> {
    await this.burst.clear();
    if (this.running >= this.options.concurrency) await new Promise<void>((r) => this.waiting.push(r));
    this.running += 1;
  }

  private setDepth(depth: number): void {
    this.depth = depth;
    this.options.onDepth?.(depth);
  }
}
