import type { CoreDeps } from '../deps.js';
import { conversationKey } from '../model/conversation-ref.js';
import type { Decision } from '../model/decision.js';
import type { InboundMessage } from '../model/message.js';
import { claimEscalation } from '../escalation/specialist-actions.js';
import { supersedeDraft } from '../copilot/draft-review.js';
import { admitMessage } from '../onboarding/admit-message.js';
import { actOnDecision, decide } from './decide-and-act.js';
import { newConversation, withTurn, type Conversation } from './conversation.js';
import { forwardToSpecialist } from './forward-to-specialist.js';
import { staffTakesOver, takeoverLapsed } from './takeover.js';

export type MessageOutcome =
  | { kind: 'ignored'; reason: 'unmapped_channel' | 'awaiting_consent' | 'duplicate' | 'empty' }
  | { kind: 'staff'; tookOver: boolean }
  | { kind: 'quiet'; mode: Conversation['mode'] }
  /** `draftId`: in copilot mode the answer went to a specialist as this draft packet instead. */
  | { kind: 'decided'; decision: Decision; escalationId?: string; draftId?: string };

/**
 * The one entry point for a message in a customer channel, whatever platform it came from. The message
 * is taken once: its turn is written in the same conversation write as the outcome, so a message
 * already in the conversation (a redelivery, or an inbox item recovered after a crash) is a duplicate.
 */
export async function handleMessage(deps: CoreDeps, msg: InboundMessage): Promise<MessageOutcome> {
  const admission = await admitMessage(deps, msg);
  if (!admission.admitted) return { kind: 'ignored', reason: admission.reason };
  const { account } = admission;
  if (!msg.text.trim()) return { kind: 'ignored', reason: 'empty' };
  const key = conversationKey(msg.ref);
  return deps.locks.run(`conv:${key}`, async () => {
    const existing = (await deps.conversations.get(key)) ?? newConversation(msg.ref, account.id, msg.at);
    if (existing.turns.some((t) => t.role !== 'bot' && t.messageId === msg.id)) return { kind: 'ignored', reason: 'duplicate' };
    const turn = { text: msg.text, at: msg.at, authorId: msg.author.id, authorName: msg.author.name, messageId: msg.id };
    if (!msg.author.isExternal) {
      const staffTurn = withTurn(existing, { role: 'staff', ...turn });
      if (await supersedeDraft(deps, staffTurn, msg.author)) return { kind: 'staff', tookOver: true };
      const outcome = await handleStaff(deps, existing, staffTurn, msg.at);
      // A specialist answering the customer has taken the escalation: the SLA timers must not go on
      // reporting it as unclaimed.
      if (existing.mode === 'escalated' && existing.escalationId) await claimEscalation(deps, existing.escalationId, msg.author, false);
      return outcome;
    }
    let conversation = withTurn(existing, { role: 'customer', ...turn });
    if (takeoverLapsed(deps.policy, conversation, msg.at)) conversation = { ...conversation, mode: 'bot' };
    if (conversation.mode === 'escalated') {
      await deps.conversations.put(conversation);
      await forwardToSpecialist(deps, conversation, msg);
      return { kind: 'quiet', mode: conversation.mode };
    }
    const decision = await decide(deps, conversation, existing.turns, msg.text, false);
    // While people have the thread Baton stays quiet, unless the customer explicitly asks for a person.
    if (conversation.mode === 'human' && decision.trigger !== 'human_phrase') {
      await deps.conversations.put(conversation);
      return { kind: 'quiet', mode: conversation.mode };
    }
    return actOnDecision(deps, conversation, decision);
  });
}

/** A staff reply in a customer thread means a human has it: Baton goes quiet there. */
async function handleStaff(deps: CoreDeps, before: Conversation, after: Conversation, at: number): Promise<MessageOutcome> {
  const isNew = before.turns.length === 0;
  const tookOver = isNew || staffTakesOver(deps.policy, before, at);
  await deps.conversations.put(tookOver ? { ...after, mode: 'human' } : after);
  if (tookOver) deps.log.info({ conversation: after.key, staff: after.turns.at(-1)?.authorId }, 'staff has the conversation');
  return { kind: 'staff', tookOver };
}
