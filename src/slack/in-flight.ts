import type { App } from '@slack/bolt';

/**
 * Listener work still running after Bolt acked its request. A graceful stop waits for it, so a deploy
 * never cuts an escalation between storing it and posting its packet or telling the customer.
 */
export class InFlight {
  private readonly pending = new Set<Promise<unknown>>();

  /** Global middleware: everything downstream of it (the listeners) counts as in flight. */
  attach(app: App): void {
    app.use(async ({ next }) => {
      const work = next();
      this.pending.add(work);
      try {
        await work;
      } finally {
        this.pending.delete(work);
      }
    });
  }

  get busy(): boolean {
    return this.pending.size > 0;
  }

  /** Resolves when nothing is in flight, or after `timeoutMs`, whichever comes first. */
  async drain(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.pending.size > 0 && Date.now() < deadline) {
      const timer = new Promise((r) => setTimeout(r, Math.max(0, deadline - Date.now())));
      await Promise.race([Promise.allSettled([...this.pending]), timer]);
    }
  }
}
