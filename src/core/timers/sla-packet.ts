import type { LoopDeps } from '../deps.js';
import type { Escalation } from '../escalation/escalation.js';
import { publishPacket } from '../escalation/publish-packet.js';
import { conversationKey } from '../model/conversation-ref.js';

/**
 * The escalation with its handoff packet posted, posting it now if it never went out (the post failed
 * when the escalation opened, say the bot was not in the queue's channel): until then no specialist has
 * seen the escalation, and a reminder has no thread to go in. Still without a packet: the post failed again.
 *
 * The post runs under the conversation's lock, the one the escalation was opened under, and checks again
 * inside it: of two sweepers (or a sweep and a late open) one posts and the other finds the packet.
 */
export async function withPostedPacket(deps: LoopDeps, id: string): Promise<Escalation | undefined> {
  const seen = await deps.escalations.get(id);
  if (!seen || seen.packet) return seen;
  const key = conversationKey(seen.conversation);
  return deps.locks.run(`conv:${key}`, async () => {
    const current = await deps.escalations.get(id);
    if (!current || current.packet || current.status !== 'open') return current;
    const conversation = await deps.conversations.get(key);
    // The delivery runner may have posted it without hearing back: look before posting.
    const published = conversation ? await publishPacket(deps, current, conversation, true) : undefined;
    return published ?? current;
  });
}
