import { randomUUID } from 'node:crypto';
import type { TurnContext } from '@microsoft/agents-hosting';
import type { LoopDeps } from '../../core/deps.js';
import type { Activity } from '@microsoft/agents-activity';
import { postEachOnce } from '../gateway/after-turn.js';
import type { TurnJob } from '../intake/after-turn-item.js';
import type { TeamsTurnDeps } from '../teams-turn-deps.js';
import { BatonError } from '../../core/errors/error-catalogue.js';

/** Teams' conversation type for a one-to-one chat between a person and Baton. */
const PERSONAL = 'personal';

export function isPersonalChat(ctx: TurnContext): boolean {
  return ctx.activity.conversation?.conversationType === PERSONAL;
}

/**
 * Reports, reviews and exports are answered only in a person's own chat with Baton, as Slack sends them
 * to the lead's DM: a press on one of their cards anywhere else (a card forwarded into a channel) does nothing.
 */
export function inPersonalChat(deps: TeamsTurnDeps, ctx: TurnContext): boolean {
  if (isPersonalChat(ctx)) return true;
  deps.log.warn({ pressedIn: ctx.activity.conversation?.id }, 'Teams lead card action outside a personal chat refused');
  return false;
}

/** The loop's ports, which every Baton that serves Teams composes (reports, reviews and exports read them). */
export function loopOf(deps: Pick<TeamsTurnDeps, 'core'>): LoopDeps {
  const { loop } = deps.core;
  if (!loop) throw new BatonError('BATON_LOOP_MISSING', 'Teams lead commands without loop ports');
  return { ...deps.core, loop };
}

/**
 * What a lead's message or press is answered with, in the turn and after it, keyed by the activity: Teams
 * redelivers an activity with its id, so its answers go out once however often it arrives.
 */
export function turnJob(ctx: TurnContext, what: string): TurnJob {
  return { id: `teams-turn:${ctx.activity.conversation?.id ?? ''}:${ctx.activity.id ?? randomUUID()}`, what };
}

/** The replies of a turn (one call per turn), each sent once however often Teams delivers the activity (turnJob). */
export async function replyOnce(deps: TeamsTurnDeps, ctx: TurnContext, replies: Partial<Activity>[]): Promise<void> {
  const job = turnJob(ctx, 'reply');
  await postEachOnce(deps.core, ctx.activity.conversation?.id ?? '', { ...job, id: `${job.id}:now` }, replies, (reply) => ctx.sendActivity(reply as Activity));
}
