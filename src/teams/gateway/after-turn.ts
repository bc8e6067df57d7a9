import type { Activity } from '@microsoft/agents-activity';
import { sendOnce } from '../../core/delivery/deliver-once.js';
import type { CoreDeps } from '../../core/deps.js';
import type { Logger } from '../../core/ports/logger.js';
import type { AfterTurnPayload, AfterTurnWork, TurnJob } from '../intake/after-turn-item.js';
import type { TeamsSender } from './teams-sender.js';

/** Kept as long as Teams may redeliver the activity that asked for the work. */
const SENT_TTL_MS = 24 * 60 * 60 * 1000;

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

export interface AfterTurnDeps {
  core: OnceDeps;
  sender: TeamsSender;
  /** Does the named work (AfterTurnWork) and returns the messages it yields. */
  perform(work: AfterTurnWork): Promise<Partial<Activity>[]>;
  log: Logger;
}

/**
 * Work a turn cannot wait for (Teams redelivers an activity not answered within 15 s), taken from the
 * inbox where the turn recorded it (afterTurnItem), so a crash or restart does it again. Each message it
 * yields goes out once (postEachOnce) through the sender (Teams' rate, retries) to the conversation the
 * turn came from. Work that fails is logged and told there; a message that cannot be sent throws, so the
 * inbox tries the item again (what is already out is not sent again) and then sets it aside with its alert.
 */
export async function deliverAfterTurn(deps: AfterTurnDeps, { job, reference, work }: AfterTurnPayload): Promise<void> {
  const post = (activity: Partial<Activity>) => deps.sender.send(reference, activity);
  const later = { ...job, id: `${job.id}:later` };
  let activities: Partial<Activity>[];
  try {
    activities = await deps.perform(work);
  } catch (err) {
    deps.log.error({ err, what: job.what, delivery: later.id }, 'Teams work after the turn failed');
    const sorry = { type: 'message', text: `Sorry, the ${job.what} could not be completed. The logs have the details.`, textFormat: 'plain' } as Partial<Activity>;
    return postEachOnce(deps.core, reference.conversation.id, { ...job, id: `${job.id}:sorry` }, [sorry], post);
  }
  await postEachOnce(deps.core, reference.conversation.id, later, activities, post);
  deps.log.info({ what: job.what, delivery: later.id, messages: activities.length }, 'Teams work after the turn delivered');
}
