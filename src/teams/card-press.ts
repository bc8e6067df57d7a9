import type { TurnContext } from '@microsoft/agents-hosting';
import type { Conversation } from '../core/conversation/conversation.js';
import { buttonStanding, customersOf } from '../core/conversation/own-customers.js';
import type { Author } from '../core/model/message.js';
import { queueById } from '../core/conversation/accounts.js';
import { parseChannelName } from '../core/model/conversation-ref.js';
import { pressedIn, teamsRef } from './normalize/teams-activity.js';
import { escalationData } from './packet-handler.js';
import type { TeamsTurnDeps } from './teams-turn-deps.js';

/**
 * A card press acts only on the conversation it came from: card data naming another one is forged (or a
 * card copied elsewhere) and does nothing; the clicker reads that the button no longer works.
 */
export function fromHere(deps: TeamsTurnDeps, ctx: TurnContext, key: string): boolean {
  if (pressedIn(ctx.activity, key)) return true;
  deps.log.warn({ conversation: key, pressedIn: ctx.activity.conversation?.id }, 'Teams card action naming another conversation refused');
  return false;
}

/**
 * A packet card's press acts only on an escalation of the queue whose channel it was pressed in (or of the
 * queue it moved from to a backup): card data naming another queue's escalation does nothing.
 */
export async function packetPressedHere(deps: TeamsTurnDeps, ctx: TurnContext, data: unknown): Promise<boolean> {
  const parsed = escalationData.safeParse(data);
  const escalation = parsed.success ? await deps.core.escalations.get(parsed.data.escalationId) : undefined;
  if (!escalation) return true;
  const here = teamsRef(ctx.activity)?.channel;
  const queues = [escalation.queueId, escalation.movedFrom?.queueId].flatMap((id) => {
    const channel = id ? queueById(deps.core.policy, id)?.channel : undefined;
    return channel ? [parseChannelName(channel)] : [];
  });
  if (queues.some((q) => q.platform === 'teams' && q.channel === here)) return true;
  deps.log.warn({ escalation: escalation.id, pressedIn: ctx.activity.conversation?.id }, 'Teams packet card action naming another queue\u2019s escalation refused');
  return false;
}

/** The refusal a customer button gives this clicker at once, if any: staff, or someone outside the conversation. */
export function pressedBy(conversation: Conversation | undefined, author: Author): { kind: 'not_customer' | 'not_your_conversation' } | undefined {
  if (!conversation) return undefined;
  const standing = buttonStanding(customersOf(conversation), author);
  return standing === 'own_customer' ? undefined : { kind: standing };
}
