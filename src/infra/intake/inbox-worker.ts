import { BatonError } from '../../core/errors/error-catalogue.js';
import { systemClock, type Clock } from '../../core/ports/clock.js';
import type { DeadLetter, DeadLetters, Inbox, InboxItem } from '../../core/ports/inbox.js';
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
  /** Tries an item gets before it is set aside as a dead letter (BATON_INBOX_MAX_TRIES; default 5). */
  maxTries?: number;
  /** Told once per item set aside: the alert and the metric. */
  onDeadLetter?: (letter: DeadLetter) => void;
}

/** Decides a group of inbox items of one lane (the platform's side of the inbox, see PlatformIntake). */
export interface LaneHandler {
  handle(items: InboxItem[], recovered: boolean): Promise<void>;
}

/** Retries an item whose processing threw (the store was briefly unavailable, say) after this long. */
const RETRY_MS = 2000;
/** How often dead letters an operator marked for retry (`baton inbox retry`) are looked for. */
const REVIVE_POLL_MS = 2000;

/**
 * Takes inbox items and hands each group of them (see HeldGroup; an item not held is a group of one) to
 * its lane's handler, looked up here so no dispatcher stands between the worker and the platform: one lane
 * (conversation) at a time in arrival order, `concurrency` lanes at once, none started while a burst of
 * events is being acknowledged. A group whose handling throws stays in the inbox and is tried again.
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
  private revivePoll: NodeJS.Timeout | undefined;

  constructor(
    private readonly inbox: Inbox & DeadLetters,
    /** The handler of a group, by its first item (a group's items share one lane, so one platform); a throw counts as the group's failure. */
    private readonly handlerOf: (item: InboxItem) => LaneHandler,
    private readonly options: InboxWorkerOptions,
    private readonly log: Logger,
  ) {}

  private get maxTries(): number {
    return this.options.maxTries ?? 5;
  }

  /** True when the backlog is at its bound: the intake answers non-200 so Slack redelivers later. */
  get full(): boolean {
    return this.depth + this.recording >= this.options.maxDepth;
  }

  /**
   * Records the event (throws when the backlog is full or the store cannot take it) and queues it. An
   * item already taken and not yet finished (a retry, or the app_mention twin of a message) is only
   * acknowledged again.
   */
  async take(item: InboxItem): Promise<void> {
    if (this.taken.has(item.id)) return;
    if (this.full) throw new BatonError('BATON_BACKLOG_FULL', 'intake backlog full');
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

  /** Queues everything a previous run left in the inbox, and from then on takes back dead letters marked for retry. */
  async recover(): Promise<number> {
    const items = await this.inbox.pending();
    for (const item of items) if (!this.taken.has(item.id)) this.queue(item, true);
    this.revivePoll ??= setInterval(() => void this.revive(), REVIVE_POLL_MS).unref();
    return items.length;
  }

  /** Dead letters an operator retried go back into the inbox as new; one the store cannot take stays marked. */
  private async revive(): Promise<void> {
    const revived = await this.inbox.takeRevived().catch((err: unknown) => {
      this.log.warn({ err }, 'could not look for retried dead letters; looking again shortly');
      return [];
    });
    for (const item of revived) {
      this.log.info({ item: item.id }, 'dead letter retried by an operator; taking it again');
      await this.take(item).catch(async (err: unknown) => {
        this.log.warn({ err, item: item.id }, 'could not take a retried dead letter back; it stays marked for retry');
        await this.inbox.bury({ item, error: String(err), at: (this.options.clock ?? systemClock).now(), retry: true }).catch(() => undefined);
      });
    }
  }

  /**
   * Records that deliveries for the lane's items are about to be attempted (see InboxItem.delivering).
   * Bound, so the delivery runner calls it as its `beforeFirstAttempt` with nothing in between.
   */
  readonly markDelivering = async (lane: string): Promise<void> => {
    for (const item of this.taken.values()) {
      if (item.lane !== lane || item.delivering) continue;
      item.delivering = true;
      await this.inbox.add(item);
    }
  };

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
    clearInterval(this.revivePoll);
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
    const wake = this.options.wake ?? timerWake;
    const group = new HeldGroup(item.lane, holdMs, this.options.clock ?? systemClock, wake);
    if (holdMs > 0) this.open.set(item.lane, group);
    group.add(item, recovered);
    const standsAlone = this.options.standsAlone;
    // On a timer, never inline, so items queued in one go (a recovery) all join before the look.
    if (holdMs > 0 && standsAlone) wake(0, () => void this.lookAlone(group, standsAlone));
    const current = this.run(group, this.lanes.get(item.lane));
    this.lanes.set(item.lane, current);
    void current.finally(() => {
      if (this.lanes.get(item.lane) === current) this.lanes.delete(item.lane);
    });
  }

  /** Handles the group once the lane's previous one is done and the group is closed. */
  private async run(group: HeldGroup, previous: Promise<void> | undefined): Promise<void> {
    await previous;
    await group.closed;
    if (this.open.get(group.lane) === group) this.open.delete(group.lane);
    const by = group.items[0]?.newThread?.by;
    if (by && this.starters.get(by) === group.lane) this.starters.delete(by);
    await this.slot();
    const { items } = group;
    try {
      await this.handlerOf(items[0]!).handle(items, group.recovered);
      this.setDepth(this.depth - items.length);
    } catch (err) {
      this.setDepth(this.depth - items.length);
      for (const item of items) this.taken.delete(item.id);
      const again = await this.failed(items, err);
      // Queued again in one go, so the same items form the same group.
      if (!this.stopped && again.length > 0) setTimeout(() => this.requeue(again), RETRY_MS).unref();
    } finally {
      this.running -= 1;
      this.waiting.shift()?.();
    }
  }

  /**
   * Counts the failure on each item (kept in the inbox, so a restart does not reset it) and sets aside
   * the items out of tries as dead letters; returns the ones to try again.
   */
  private async failed(items: InboxItem[], err: unknown): Promise<InboxItem[]> {
    const tried = items.map((i) => ({ ...i, failures: (i.failures ?? 0) + 1 }));
    const again: InboxItem[] = [];
    for (const item of tried) {
      if (item.failures < this.maxTries) {
        again.push(item);
        await this.inbox.add(item).catch(() => undefined);
        continue;
      }
      const letter: DeadLetter = { item, error: err instanceof Error ? err.message : String(err), at: (this.options.clock ?? systemClock).now() };
      try {
        await this.inbox.bury(letter);
      } catch (buryErr) {
        this.log.warn({ err: buryErr, item: item.id }, 'could not set the inbox item aside; it is tried again');
        again.push(item);
        continue;
      }
      this.log.error({ err, item: item.id, tries: item.failures }, 'inbox item failed every try; set aside as a dead letter (npm run baton -- inbox list)');
      this.options.onDeadLetter?.(letter);
    }
    if (again.length > 0) {
      const tries = again.map((i) => `${i.failures}/${this.maxTries}`);
      this.log.warn({ err, items: again.map((i) => i.id), tries }, 'inbox items could not be processed; they stay in the inbox and are tried again');
    }
    return again;
  }

  private requeue(items: InboxItem[]): void {
    if (this.stopped) return;
    for (const item of items) if (!this.taken.has(item.id)) this.queue(item, true);
  }

  /**
   * The look at a group's first message waits for a burst to ease, like a decision: acknowledging comes
   * first. A look that fails leaves the group to its window: waiting costs seconds, a split request costs an answer.
   */
  private async lookAlone(group: HeldGroup, standsAlone: StandsAlone): Promise<void> {
    await this.burst.clear();
    const [first] = group.items;
    if (group.items.length !== 1 || !first) return;
    if (await standsAlone(first).catch(() => false)) group.closeAlone();
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
