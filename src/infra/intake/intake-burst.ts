/** Events taken within WINDOW_MS that make a burst: 100 a second. */
const BURST_EVENTS = 10;
const WINDOW_MS = 100;
/** The longest a burst holds decisions back; past it they run beside the intake until the burst ends. */
const MAX_HOLD_MS = 5000;

/**
 * Acknowledging comes first: Slack wants its 200 within 3 s, and during a burst every millisecond the
 * process spends deciding and posting is taken from the intake. While events arrive in a burst, new
 * decisions wait (those under way finish); they start as soon as the burst eases, or after
 * MAX_HOLD_MS at most, and the backlog bound (BATON_MAX_BACKLOG) still caps what waits. Events
 * arriving at an ordinary pace (20 a second is 2 per window) are decided at once.
 */
export class IntakeBurst {
  /** Times of the last BURST_EVENTS takes, oldest first. */
  private readonly recent: number[] = [];
  private heldSince: number | undefined;
  private release: Promise<void> | undefined;

  constructor(private readonly now: () => number = Date.now) {}

  taken(): void {
    this.recent.push(this.now());
    if (this.recent.length > BURST_EVENTS) this.recent.shift();
  }

  /** Resolves when a new decision may start: at once outside a burst. */
  async clear(): Promise<void> {
    while (this.holdMs() > 0) {
      this.release ??= new Promise<void>((resolve) =>
        setTimeout(() => {
          this.release = undefined;
          resolve();
        }, this.holdMs()).unref(),
      );
      await this.release;
    }
  }

  /** How long decisions should still wait, 0 when they may start. */
  private holdMs(): number {
    const now = this.now();
    const oldest = this.recent.length === BURST_EVENTS ? this.recent[0]! : -Infinity;
    const burstFor = oldest + WINDOW_MS - now;
    if (burstFor <= 0) {
      this.heldSince = undefined;
      return 0;
    }
    this.heldSince ??= now;
    return Math.max(0, Math.min(burstFor, this.heldSince + MAX_HOLD_MS - now));
  }
}
