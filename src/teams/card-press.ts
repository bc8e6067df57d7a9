import type { TurnContext } from '@microsoft/agents-hosting';
import type { Conversation } from '../core/conversation/conversation.js';
import { buttonStanding, customersOf } from '../core/conversation/own-customers.js';
import type { Author } from '../core/model/message.js';
import { pressedIn } from './normalize/teams-activity.js';
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

/** The refusal a customer button gives this clicker at once, if any: staff, or someone outside the conversation. */
export function pressedBy(conversation: Conversation | undefined, author: Author): { kind: 'not_customer' | 'not_your_conversation' } | undefined {
  if (!conversation) return undefined;
  const standing = buttonStanding(customersOf(conversation), author);
  return standing === 'own_customer' ? undefined : { kind: standing };
}
