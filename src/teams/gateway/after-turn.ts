import type { Activity, ConversationReference } from '@microsoft/agents-activity';
import type { Logger } from '../../core/ports/logger.js';
import type { TeamsSender } from './teams-sender.js';

/**
 * Work a turn cannot wait for (Teams redelivers an activity not answered within 15 s): it runs after the
 * turn, and what it yields goes out through the sender (Teams' rate, retries) to the conversation the
 * turn came from. A failure is logged and told there; a stop waits for the work under way.
 */
export class AfterTurn {
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly sender: TeamsSender,
    private readonly log: Logger,
  ) {}

  run(reference: ConversationReference, what: string, work: () => Promise<Partial<Activity>[]>): void {
    const done = this.deliver(reference, what, work).finally(() => this.running.delete(done));
    this.running.add(done);
  }

  async stop(): Promise<void> {
    await Promise.all([...this.running]);
  }

  private async deliver(reference: ConversationReference, what: string, work: () => Promise<Partial<Activity>[]>): Promise<void> {
    try {
      for (const activity of await work()) await this.sender.send(reference, activity);
    } catch (err) {
      this.log.error({ err, what }, 'Teams work after the turn failed');
      const sorry = { type: 'message', text: `Sorry, the ${what} could not be completed. The logs have the details.`, textFormat: 'plain' } as Partial<Activity>;
      await this.sender.send(reference, sorry).catch(() => undefined);
    }
  }
}
