import type { Logger } from '../../core/ports/logger.js';

/**
 * Calls `tick` every `intervalMs`, never two at once: a slow sweep makes the next one wait rather
 * than pile up. The timer is unref'd so it never keeps the process alive on its own.
 */
export class IntervalScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly intervalMs: number,
    private readonly tick: () => Promise<void>,
    private readonly log: Logger,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      if (!this.running) void this.launch();
    }, this.intervalMs);
    this.timer.unref();
  }

  /** A full tick that starts after any tick in flight; tests call this after moving their clock. */
  async runNow(): Promise<void> {
    while (this.running) await this.running;
    await this.launch();
  }

  private launch(): Promise<void> {
    this.running = this.tick()
      .catch((err: unknown) => this.log.error({ err }, 'scheduled sweep failed'))
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
