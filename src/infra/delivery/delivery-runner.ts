import { attemptDelivery } from '../../core/delivery/attempt-delivery.js';
import type { DeliveryScheduler } from '../../core/delivery/delivery.js';
import { giveUpDelivery } from '../../core/delivery/give-up.js';
import { pendingDeliveries } from '../../core/delivery/outbox.js';
import type { Delivery } from '../../core/delivery/delivery.js';
import type { CoreDeps } from '../../core/deps.js';

export interface DeliveryRunnerOptions {
  /** How long a customer message is retried before it is handed to the default queue. */
  deadlineMs: number;
  /** Backoff doubles from 1 s up to this; internal messages (packets, alerts) retry forever at this pace. */
  maxBackoffMs: number;
  /** Runs (and must succeed) right before a conversation's first message goes out, so a crash after it is known to need a look. */
  beforeFirstAttempt?: (conversationKey: string) => Promise<void>;
}

/** A run that failed on the store or a lock (Redis away, say) is tried again after 1 s, doubling to this. */
const RUN_RETRY_MAX_MS = 4_000;

interface RetryState {
  attempts: number;
  nextAt: number;
}

/**
 * Delivers conversations' outboxes: one run per conversation at a time, items in order (a customer's
 * second answer never overtakes the first; packets do not wait for customer messages). A failed item is
 * retried with backoff; its outcome is unknown, so the next attempt first looks for it on the platform,
 * whatever failed: the send, or the store or lock after it.
 */
export class DeliveryRunner implements DeliveryScheduler {
  private readonly active = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private readonly retries = new Map<string, RetryState>();
  private readonly maybeSent = new Set<string>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly settledWaiters = new Map<string, (() => void)[]>();
  private readonly announced = new Set<string>();
  private readonly failedRuns = new Map<string, number>();
  /** Each conversation's outbox as its last run saw it: what `/readyz` reads as owed. */
  private readonly owed = new Map<string, Delivery[]>();
  private stopped = false;

  constructor(
    private readonly deps: CoreDeps,
    private readonly options: DeliveryRunnerOptions,
  ) {}

  schedule(key: string): void {
    if (this.stopped) return;
    if (this.active.has(key)) {
      this.again.add(key);
      return;
    }
    const run = this.run(key)
      .then(() => void this.failedRuns.delete(key))
      .catch((err: unknown) => {
        const failures = (this.failedRuns.get(key) ?? 0) + 1;
        this.failedRuns.set(key, failures);
        const delay = Math.min(RUN_RETRY_MAX_MS, 1000 * 2 ** (failures - 1));
        this.deps.log.warn({ err, conversation: key, retryInMs: delay }, 'delivery run failed; retrying');
        this.retryLater(key, Date.now() + delay);
      })
      .finally(() => {
        this.active.delete(key);
        if (this.again.delete(key)) this.schedule(key);
      });
    this.active.set(key, run);
  }

  /** After a restart, attempts may have been in flight at the crash: look before posting. */
  async resume(key: string): Promise<void> {
    const conversation = await this.deps.conversations.get(key);
    for (const d of conversation ? pendingDeliveries(conversation) : []) this.maybeSent.add(d.id);
    this.schedule(key);
  }

  /** Resolves once the conversation's outbox is empty. */
  settled(key: string): Promise<void> {
    return new Promise((resolve) => {
      this.settledWaiters.set(key, [...(this.settledWaiters.get(key) ?? []), resolve]);
      this.schedule(key);
    });
  }

  /** When the oldest message still owed was recorded (core clock), or undefined when none is. */
  oldestOwed(): number | undefined {
    let oldest: number | undefined;
    for (const list of this.owed.values()) for (const d of list) oldest = Math.min(oldest ?? d.createdAt, d.createdAt);
    return oldest;
  }

  /** A delivery run is under way (a retry waiting on its timer is not). */
  get busy(): boolean {
    return this.active.size > 0;
  }

  /** Resolves when no run is under way. */
  async idle(): Promise<void> {
    while (this.active.size > 0) await Promise.allSettled([...this.active.values()]);
  }

  /** Waits for runs under way (up to `graceMs`); what is left stays in the outboxes for the next start. */
  async stop(graceMs: number): Promise<void> {
    this.stopped = true;
    for (const t of this.timers.values()) clearTimeout(t);
    const grace = new Promise((r) => setTimeout(r, graceMs).unref());
    await Promise.race([Promise.allSettled([...this.active.values()]), grace]);
  }

  /**
   * Attempts the conversation's deliveries in order until none is due. Each attempt reads the outbox
   * under the lock and returns it as it left it, so the run ends on that without a read of its own:
   * anything recorded later schedules the conversation again.
   */
  private async run(key: string): Promise<void> {
    const tried = new Set<string>();
    let customerBlocked = false;
    const due = (d: Delivery) => !tried.has(d.id) && !(customerBlocked && d.kind === 'customer') && (this.retries.get(d.id)?.nextAt ?? 0) <= Date.now();
    let pending: Delivery[] | undefined;
    while (!pending || pending.some(due)) {
      if (this.stopped) return;
      let chosen: Delivery | undefined;
      // Whether the message went to the platform: an attempt that failed before it (the store, a lock) sent nothing.
      let reached = false;
      const choose = (list: Delivery[]) => {
        this.owed.set(key, list);
        chosen = list.find(due);
        return chosen;
      };
      const beforeSend = async () => {
        reached = true;
        if (this.announced.has(key)) return;
        await this.options.beforeFirstAttempt?.(key);
        this.announced.add(key);
      };
      const step = await attemptDelivery(this.deps, key, { choose, maybeSent: (id) => this.maybeSent.has(id), beforeSend }).catch((err: unknown) => {
        // The send may have gone out and only the write after it (or the lock) failed: look before sending again.
        if (chosen && reached) this.maybeSent.add(chosen.id);
        throw err;
      });
      pending = step.pending;
      this.owed.set(key, pending);
      const d = step.delivery;
      if (!d) break;
      if (step.result === 'delivered') {
        this.forget(d.id);
        continue;
      }
      tried.add(d.id);
      if (d.kind === 'customer' && this.deps.clock.now() - d.createdAt >= this.options.deadlineMs) {
        // The give-up records new items (a handover, an alert): the next attempt reads them.
        await giveUpDelivery(this.deps, key, d.id);
        this.forget(d.id);
        pending = undefined;
        continue;
      }
      if (reached) this.maybeSent.add(d.id);
      this.backOff(d.id);
      if (d.kind === 'customer') customerBlocked = true;
    }
    const nextRetry = Math.min(...pending.map((d) => this.retries.get(d.id)?.nextAt ?? Infinity));
    if (nextRetry < Infinity) this.retryLater(key, nextRetry);
    else if (pending.length === 0) this.notifySettled(key);
    else this.again.add(key);
  }

  private backOff(id: string): void {
    const attempts = (this.retries.get(id)?.attempts ?? 0) + 1;
    const delay = Math.min(this.options.maxBackoffMs, 1000 * 2 ** (attempts - 1));
    this.retries.set(id, { attempts, nextAt: Date.now() + delay });
  }

  private retryLater(key: string, at: number): void {
    if (this.stopped) return;
    clearTimeout(this.timers.get(key));
    const timer = setTimeout(() => {
      this.timers.delete(key);
      this.schedule(key);
    }, Math.max(0, at - Date.now()));
    timer.unref();
    this.timers.set(key, timer);
  }

  private forget(id: string): void {
    this.retries.delete(id);
    this.maybeSent.delete(id);
  }

  private notifySettled(key: string): void {
    this.announced.delete(key);
    this.owed.delete(key);
    const waiters = this.settledWaiters.get(key) ?? [];
    this.settledWaiters.delete(key);
    for (const w of waiters) w();
  }
}
