import type { Clock } from '../../core/ports/clock.js';
import type { InboxItem } from '../../core/ports/inbox.js';

/** However chatty the thread, a group is decided at most this many windows after its first message. */
const MAX_WINDOWS = 4;

/** Calls `wake` after about `ms`; tests pass one driven by their own clock. */
export type Wake = (ms: number, wake: () => void) => void;

export const timerWake: Wake = (ms, wake) => void setTimeout(wake, ms).unref();

/** Whether a group's first item is a whole request on its own (then the group is decided without waiting). */
export type StandsAlone = (item: InboxItem) => Promise<boolean>;

/**
 * Inbox items of one lane (conversation) decided together: the group takes items received within
 * `windowMs` of its latest one and closes once none came for that long. Receipt times are the ones the
 * inbox keeps, so items recovered after a restart regroup exactly as they arrived, and a group whose
 * window passed while Baton was down closes at once. The check always runs on a timer, never inline,
 * so items queued in one go (a recovery) all join before it closes. A group whose first item stands
 * alone (see StandsAlone) is closed by the worker as soon as that is known (`closeAlone`).
 */
export class HeldGroup {
  readonly items: InboxItem[] = [];
  recovered = false;
  readonly closed: Promise<void>;
  private release: () => void = () => undefined;
  private isOpen = true;

  constructor(
    readonly lane: string,
    private readonly windowMs: number,
    private readonly clock: Clock,
    private readonly wake: Wake,
  ) {
    this.closed = new Promise<void>((resolve) => (this.release = resolve));
  }

  /** Whether `item` belongs to this group: it is still open and the item came within the window. */
  admits(item: InboxItem): boolean {
    return this.isOpen && this.windowMs > 0 && item.receivedAt <= this.closesAt();
  }

  add(item: InboxItem, recovered: boolean): void {
    this.items.push(item);
    this.recovered ||= recovered;
    if (this.windowMs === 0) this.close();
    else if (this.items.length === 1) this.wake(Math.max(0, this.closesAt() - this.clock.now()), this.check);
  }

  /** Decides the group now (Baton is stopping): what it holds is answered before the process exits. */
  close(): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.release();
  }

  private closesAt(): number {
    const received = this.items.map((i) => i.receivedAt);
    return Math.min(Math.max(...received) + this.windowMs, Math.min(...received) + MAX_WINDOWS * this.windowMs);
  }

  /** Decides the group now if its first item is still all it holds (that item stands alone). */
  closeAlone(): void {
    if (this.items.length === 1) this.close();
  }

  private readonly check = (): void => {
    if (!this.isOpen) return;
    const left = this.closesAt() - this.clock.now();
    if (left <= 0) this.close();
    else this.wake(left, this.check);
  };
}
