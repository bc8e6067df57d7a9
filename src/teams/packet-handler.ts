import type { TurnContext } from '@microsoft/agents-hosting';
import { z } from 'zod';
import { currentPacket } from '../core/escalation/publish-packet.js';
import { REPLY_FIELD } from '../core/model/actions.js';
import type { Author } from '../core/model/message.js';
import { packetCard } from './render/packet-card.js';
import type { CardAnswer, TeamsTurnDeps } from './teams-turn-deps.js';

/** Escalation ids as Baton mints them; a card value that is not one is rejected, not looked up. */
export const escalationData = z.object({ escalationId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });
export const replyData = escalationData.extend({ [REPLY_FIELD]: z.string().optional().catch(undefined) });

export const nameOf = (who: { id: string; name?: string }) => who.name ?? who.id;

/** The packet as it stands, answering the click in place of the card clicked. */
export async function packet(deps: TeamsTurnDeps, id: string): Promise<CardAnswer> {
  const current = await currentPacket(deps.core, id);
  return current ? packetCard(current) : 'This escalation no longer exists.';
}

/** One verb of the packet card: the clicker, the card's data, and the turn (for what only Teams can tell, like who is in the channel). */
export type Handler = (deps: TeamsTurnDeps, author: Author, data: unknown, ctx: TurnContext) => Promise<CardAnswer | undefined>;

