import type { Conversation } from '../conversation/conversation.js';
import type { Escalation } from '../escalation/escalation.js';
import type { Citation } from '../model/decision.js';
import type { CoreDeps } from '../deps.js';

/** The most articles a packet lists: a pointer for the specialist, not a reading list. */
export const PACKET_ARTICLES = 3;
/** Customer messages looked at, newest first: "a person, please" names no subject, the question before it does. */
const QUESTIONS = 3;

/**
 * "Articles for the team": what the knowledge holds, for staff, about the customer's question (their
 * latest message, else the ones before it), leaving out what the draft already cites. Searched as the
 * decision searched, never with a model. Turns are taken by their order, not their time: a platform's
 * message time and Baton's clock need not agree. A search that fails leaves the list out, never the packet.
 */
export function packetArticles(deps: Pick<CoreDeps, 'articles' | 'log'>, escalation: Escalation, conversation: Conversation): Citation[] {
  try {
    return searched(deps, escalation, conversation);
  } catch (err) {
    deps.log.warn({ err, escalationId: escalation.id }, 'could not search the knowledge for the packet; it goes out without articles');
    return [];
  }
}

function searched({ articles: finder }: Pick<CoreDeps, 'articles'>, escalation: Escalation, conversation: Conversation): Citation[] {
  if (!finder) return [];
  const cited = new Set(escalation.decision.answer?.citations.map((c) => c.id));
  const asked = conversation.turns.filter((t) => t.role === 'customer').slice(-QUESTIONS).reverse();
  for (const turn of asked) {
    const found = finder.articlesFor(turn.text, escalation.accountId, PACKET_ARTICLES + cited.size).filter((c) => !cited.has(c.id));
    if (found.length > 0) return found.slice(0, PACKET_ARTICLES);
  }
  return [];
}
