import type { Conversation } from '../conversation/conversation.js';
import type { CoreDeps } from '../deps.js';
import type { DraftState, Escalation, Specialist } from '../escalation/escalation.js';
import type { Delivery } from '../delivery/delivery.js';
import { withDeliveries } from '../delivery/outbox.js';
import { recordDeliveries } from '../delivery/record-deliveries.js';
import { packetUpdates } from '../escalation/publish-packet.js';
import { packetNote } from '../escalation/packet-thread.js';

export type ReviewedState = Exclude<DraftState, 'pending'>;

export type DraftResult =
  | { ok: true; state: ReviewedState }
  | { ok: false; reason: 'not_allowed' | 'not_found' | 'empty' }
  /** Another specialist (or the same one, twice) got there first; `by` is who, once the record says so. */
  | { ok: false; reason: 'already_reviewed'; state: DraftState; by?: Specialist };

export function alreadyReviewed(e: Escalation): Exclude<DraftResult, { ok: true }> {
  return { ok: false, reason: 'already_reviewed', state: e.draft?.state ?? 'pending', ...(e.draft?.by ? { by: e.draft.by } : {}) };
}

/** The conversation no longer waits on this draft; `mode` is who has it now. */
export function pastDraft(c: Conversation, id: string, mode: Conversation['mode'], at: number): Conversation {
  return { ...c, mode, escalationId: undefined, pastEscalationIds: [...c.pastEscalationIds, id], updatedAt: at };
}

const NOTE: Record<ReviewedState, (name: string) => string> = {
  sent: (name) => `${name} sent Baton's draft to the customer as it was.`,
  edited: (name) => `${name} edited Baton's draft and sent it to the customer.`,
  discarded: (name) => `${name} discarded Baton's draft; nothing of it was sent to the customer.`,
};

/**
 * Records what became of a pending draft, once: it is resolved by the specialist who acted, its packet
 * shows the outcome without the review buttons, and its thread says who did what (both recorded in the
 * conversation's outbox).
 */
export async function markReviewed(deps: Pick<CoreDeps, 'clock' | 'conversations' | 'deliveries' | 'escalations' | 'locks' | 'log' | 'newId'>, id: string, state: ReviewedState, who: Specialist): Promise<void> {
  const reviewed = await resolveDraft(deps, id, state, who);
  if (reviewed) await recordDeliveries(deps, reviewed.conversation, reviewedMessages(deps, reviewed, NOTE[state](who.name ?? 'A specialist')));
}

/** The packet showing the outcome, and the thread's note of it. */
function reviewedMessages(deps: Pick<CoreDeps, 'clock' | 'newId'>, reviewed: Escalation, note: string): Delivery[] {
  return [...packetUpdates(deps, reviewed), packetNote(deps, reviewed, note)];
}

/** The draft marked reviewed; undefined when it was not pending (someone got there first). */
async function resolveDraft(deps: Pick<CoreDeps, 'clock' | 'escalations' | 'log'>, id: string, state: ReviewedState, who: Specialist): Promise<Escalation | undefined> {
  const at = deps.clock.now();
  const reviewed = await deps.escalations.update(id, (current) => {
    if (current.draft?.state !== 'pending') return { result: undefined };
    const next: Escalation = {
      ...current,
      status: 'resolved',
      claimedBy: current.claimedBy ?? who,
      claimedAt: current.claimedAt ?? at,
      resolvedBy: who,
      resolvedAt: at,
      draft: { state, by: who, at },
      version: current.version + 1,
      history: [...current.history, { type: 'resolved', at, by: who.id }],
    };
    return { next, result: next };
  });
  if (reviewed) deps.log.info({ escalationId: id, by: who.id, state }, 'copilot draft reviewed');
  return reviewed;
}

/**
 * A specialist answered the customer in their own thread while a draft waited: the draft was not used,
 * so it counts as discarded and can no longer be sent. People have the thread (Baton stays quiet as
 * after any staff reply). Returns the conversation to write, or undefined when no draft was waiting.
 * Called under the conversation's lock with the staff turn already added.
 */
export async function supersedeDraft(deps: Pick<CoreDeps, 'clock' | 'conversations' | 'deliveries' | 'escalations' | 'log' | 'newId'>, conversation: Conversation, who: Specialist): Promise<Conversation | undefined> {
  if (conversation.mode !== 'escalated' || !conversation.escalationId) return undefined;
  const id = conversation.escalationId;
  const escalation = await deps.escalations.get(id);
  if (escalation?.draft?.state !== 'pending') return undefined;
  const reviewed = await resolveDraft(deps, id, 'discarded', who);
  const note = `${who.name ?? 'A specialist'} answered in the customer's thread instead; Baton's draft was not sent.`;
  const next = withDeliveries(pastDraft(conversation, id, 'human', deps.clock.now()), reviewed ? reviewedMessages(deps, reviewed, note) : []);
  await deps.conversations.put(next);
  deps.deliveries?.schedule(conversation.key);
  return next;
}
