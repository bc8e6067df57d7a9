import type { LoopDeps } from '../deps.js';
import { attemptDelivery } from '../delivery/attempt-delivery.js';
import type { Escalation } from '../escalation/escalation.js';
import { conversationKey } from '../model/conversation-ref.js';

/**
 * The escalation with its handoff packet posted, attempting the packet's recorded delivery now if it
 * never went out (the post failed when the escalation opened, say the bot was not in the queue's
 * channel): until then no specialist has seen the escalation, and a reminder has no thread to go in.
 * Still without a packet: the post failed again.
 *
 * The attempt is the outbox's own, under the conversation's lock: of two sweepers (or a sweep and the
 * delivery runner) one posts and the other finds the packet; it looks before posting, since the runner
 * may have posted it without hearing back.
 */
export async function withPostedPacket(deps: Pick<LoopDeps, 'articles' | 'conversations' | 'escalations' | 'gateway' | 'locks' | 'log' | 'loop' | 'onboarding' | 'policy'>, id: string): Promise<Escalation | undefined> {
  const seen = await deps.escalations.get(id);
  if (!seen || seen.packet || seen.status !== 'open') return seen;
  const key = conversationKey(seen.conversation);
  await attemptDelivery(deps, key, { choose: (owed) => owed.find((d) => d.kind === 'packet' && d.escalation.id === id), maybeSent: () => true });
  return deps.escalations.get(id);
}
