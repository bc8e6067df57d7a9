import type { CoreDeps } from '../deps.js';
import type { ChannelRef } from '../model/conversation-ref.js';
import { findAccountForChannel } from '../onboarding/channel-directory.js';
import { contentTerms } from '../triage/text-terms.js';

/** A message Baton cannot place, with fewer content words than this and no question mark, is a fragment. */
const WHOLE_REQUEST_TERMS = 4;

/**
 * Whether a message that opens a group makes a request on its own, so grouping need not wait for the
 * next one: Baton would answer it, something in it already calls for a person, or it reads as a whole
 * question (a question mark, or enough words to say what is wanted). Small talk and a few words Baton
 * cannot place are fragments: the customer is most likely still typing. Read without the model, so the
 * look costs what the retrieval index costs.
 */
export async function standsAlone(deps: Pick<CoreDeps, 'decider' | 'policy' | 'onboarding'>, message: { text: string; ref: ChannelRef }): Promise<boolean> {
  const account = await findAccountForChannel(deps, message.ref);
  if (!account) return true;
  const read = await deps.decider.decide({ text: message.text, history: [], accountId: account.id, withoutModel: true });
  if (read.action === 'answer' || (read.action === 'escalate' && read.trigger !== 'low_confidence')) return true;
  if (read.action === 'ignore') return false;
  return /\?\s*$/.test(message.text) || contentTerms(message.text).length >= WHOLE_REQUEST_TERMS;
}
