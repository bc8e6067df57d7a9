import type { CoreDeps } from '../deps.js';
import { conversationKey } from '../model/conversation-ref.js';
import { hasVisibleText, type InboundMessage } from '../model/message.js';
import { claimByReply } from '../escalation/specialist-actions.js';
import { supersedeDraft } from '../copilot/draft-review.js';
import { admitMessage } from '../onboarding/admit-message.js';
import { decideReply } from './choose-reading.js';
import { pendingClarification } from './clarification.js';
import { actOnDecision, decide } from './decide-and-act.js';
import { newConversation, withTurn, type Conversation } from './conversation.js';
import { forwardToSpecialist } from './forward-to-specialist.js';
import { withDeliveries } from '../delivery/outbox.js';
import { filesOnlyText } from '../copy/shared-files.js';
import { combinedMessage, runsOfOneRequest } from './message-group.js';
import { staffTakesOver, takeoverLapsed } from './takeover.js';
import { firstResponse } from '../escalation/first-response.js';
import type { MessageOutcome } from './message-outcome.js';

export type { MessageOutcome };

/** One message in a customer channel, whatever platform it came from (see handleMessages). */
export function handleMessage(deps: CoreDeps, msg: InboundMessage): Promise<MessageOutcome> {
  return handleMessages(deps, [msg]);
}

/**
 * The one entry point for messages in a customer thread: a group the intake held together (sent in
 * quick succession) is one request, decided once on its combined text; each message is still its own
 * turn in the transcript. Every message is taken once: its turn is written in the same conversation
 * write as the outcome, so a message already in the conversation (a redelivery, or an inbox item
 * recovered after a crash) is a duplicate. Returns the outcome of the group's last message.
 */
export async function handleMessages(deps: CoreDeps, msgs: InboundMessage[]): Promise<MessageOutcome> {
  const first = msgs[0];
  if (!first) return { kind: 'ignored', reason: 'empty' };
  const admission = await admitMessage(deps, first);
  if (!admission.admitted) {
    // The channel is not live: each message is still shown to the leads, none is decided.
    for (const msg of msgs.slice(1)) await admitMessage(deps, msg);
    return { kind: 'ignored', reason: admission.reason };
  }
  const { account } = admission;
  const said = msgs.filter((m) => hasVisibleText(m.text) || m.files?.length);
  if (said.length === 0) return { kind: 'ignored', reason: 'empty' };
  const key = conversationKey(first.ref);
  return deps.locks.run(`conv:${key}`, async () => {
    let outcome: MessageOutcome = { kind: 'ignored', reason: 'duplicate' };
    for (const run of runsOfOneRequest(said)) {
      const existing = (await deps.conversations.get(key)) ?? newConversation(first.ref, account.id, first.at);
      const fresh = run.filter((m) => !existing.turns.some((t) => t.role !== 'bot' && t.messageId === m.id));
      if (fresh.length > 0) outcome = fresh[0]!.author.isExternal ? await handleCustomer(deps, existing, fresh) : await handleStaff(deps, existing, fresh[0]!);
    }
    return outcome;
  });
}

/** Customer messages, recorded as turns and decided as one request. */
async function handleCustomer(deps: CoreDeps, existing: Conversation, msgs: InboundMessage[]): Promise<MessageOutcome> {
  let conversation = existing;
  for (const msg of msgs) conversation = withTurn(conversation, { role: 'customer', ...turnOf(msg) });
  const request = combinedMessage(msgs);
  if (takeoverLapsed(deps.policy, conversation, request.at)) conversation = { ...conversation, mode: 'bot' };
  if (conversation.mode === 'escalated') {
    await deps.conversations.put(await forwardToSpecialist(deps, conversation, request));
    return { kind: 'quiet', mode: conversation.mode };
  }
  // Files without words ask nothing Baton could answer: kept in the transcript for whoever reads it next.
  if (!hasVisibleText(request.text)) {
    await deps.conversations.put(conversation);
    return { kind: 'ignored', reason: 'empty' };
  }
  if (msgs.length > 1) deps.log.info({ conversation: conversation.key, messages: msgs.length }, 'messages sent in quick succession decided as one request');
  const asked = conversation.mode === 'bot' ? pendingClarification(conversation) : undefined;
  const decision = asked ? await decideReply(deps, conversation, asked, request.text) : await decide(deps, conversation, existing.turns, request.text, false);
  // While people have the thread Baton stays quiet, unless the customer explicitly asks for a person.
  if (conversation.mode === 'human' && decision.trigger !== 'human_phrase') {
    await deps.conversations.put(conversation);
    return { kind: 'quiet', mode: conversation.mode };
  }
  return actOnDecision(deps, conversation, decision);
}

/** A staff reply in a customer thread means a human has it: Baton goes quiet there. */
async function handleStaff(deps: Pick<CoreDeps, 'clock' | 'conversations' | 'deliveries' | 'escalations' | 'log' | 'newId' | 'policy'>, before: Conversation, msg: InboundMessage): Promise<MessageOutcome> {
  const after = withTurn(before, { role: 'staff', ...turnOf(msg) });
  if (await supersedeDraft(deps, after, msg.author)) return { kind: 'staff', tookOver: true };
  const isNew = before.turns.length === 0;
  const tookOver = isNew || staffTakesOver(deps.policy, before, msg.at);
  // A specialist answering the customer has taken the escalation: the SLA timers must not go on
  // reporting it as unclaimed, and its packet shows who has it.
  const updates = before.mode === 'escalated' && before.escalationId ? await claimByReply(deps, before.escalationId, msg.author) : [];
  await deps.conversations.put(withDeliveries(tookOver ? { ...after, mode: 'human' } : after, updates));
  if (tookOver) deps.log.info({ conversation: after.key, staff: msg.author.id }, 'staff has the conversation');
  if (before.mode === 'escalated' && before.escalationId) await firstResponse(deps, before.escalationId);
  return { kind: 'staff', tookOver };
}

function turnOf(msg: InboundMessage) {
  const text = !hasVisibleText(msg.text) && msg.files?.length ? filesOnlyText(msg.files) : msg.text;
  return { text, at: msg.at, authorId: msg.author.id, authorName: msg.author.name, messageId: msg.id };
}
