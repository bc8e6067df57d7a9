import type { Activity, ConversationReference } from '@microsoft/agents-activity';
import { sendOnce } from '../../core/delivery/deliver-once.js';
import type { CoreDeps } from '../../core/deps.js';
import type { Logger } from '../../core/ports/logger.js';
import type { TeamsSender } from './teams-sender.js';

/** Kept as long as Teams may redeliver the activity that asked for the work. */
const SENT_TTL_MS = 24 * 60 * 60 * 1000;

/** The work a turn asked for: its delivery id (from the activity, so a redelivery has the same), and what to call it. */
export interface TurnJob {
  id: string;
  what: string;
}

type OnceDeps = Pick<CoreDeps, 'once' | 'locks' | 'gateway'>;

/**
 * Each message as a delivery of its own (`<job>:<n>`) in one Teams conversation, sent once by `post`: a
 * redelivered activity that yields the same messages posts none of them again. Teams cannot find a message
 * by Baton's id, so one whose answer was lost is sent again.
 */
export async function postEachOnce(deps: OnceDeps, conversation: string, job: TurnJob, activities: Partial<Activity>[], post: (activity: Partial<Activity>) => Promise<unknown>): Promise<void> {
  const since = Date.now();
  for (const [n, activity] of activities.entries()) {
    await sendOnce(deps, { id: `${job.id}:${n}`, place: { platform: 'teams', channel: conversation, since }, ttlMs: SENT_TTL_MS }, async (tag) => {
      const cleared = await tag.beforeSend();
      await post(activity);
      return cleared;
    });
  }
}

/**
 * Work a turn cannot wait for (Teams redelivers an activity not answered within 15 s): it runs after the
 * turn, and each message it yields goes out once (postEachOnce) through the sender (Teams' rate, retries)
 * to the conversation the turn came from. A failure is logged and told there; a stop waits for the work
 * under way.
 */
export class AfterTurn {
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly sender: TeamsSender,
    private readonly log: Logger,
  ) {}

  run(deps: OnceDeps, reference: ConversationReference, job: TurnJob, work: () => Promise<Partial<Activity>[]>): void {
    const done = this.deliver(deps, reference, job, work).finally(() => this.running.delete(done));
    this.running.add(done);
  }

  async stop(): Promise<void> {
    await Promise.all([...this.running]);
  }

  private async deliver(deps: OnceDeps, reference: ConversationReference, job: TurnJob, work: () => Promise<Partial<Activity>[]>): Promise<void> {
    const later = { ...job, id: `${job.id}:later` };
    const post = (activity: Partial<Activity>) => this.sender.send(reference, activity);
    try {
      const activities = await work();
      await postEachOnce(deps, reference.conversation.id, later, activities, post);
      this.log.info({ what: job.what, delivery: later.id, messages: activities.length }, 'Teams work after the turn delivered');
    } catch (err) {
      this.log.error({ err, what: job.what, delivery: later.id }, 'Teams work after the turn failed');
      const sorry = { type: 'message', text: `Sorry, the ${job.what} could not be completed. The logs have the details.`, textFormat: 'plain' } as Partial<Activity>;
      await postEachOnce(deps, reference.conversation.id, { ...job, id: `${job.id}:sorry` }, [sorry], post).catch(() => undefined);
    }
  }
}
