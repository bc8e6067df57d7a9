import type { CoreDeps } from '../deps.js';
import { openEscalation } from '../escalation/open-escalation.js';
import { conversationKey } from '../model/conversation-ref.js';
import type { Decision, TriggerType } from '../model/decision.js';
import type { InboundMessage } from '../model/message.js';
import { accountForChannel } from './accounts.js';
import { newConversation, withTurn, type Conversation } from './conversation.js';
import { decideSafely } from './decide-safely.js';
import { forwardToSpecialist } from './forward-to-specialist.js';
import { replyWithAnswer } from './reply-with-answer.js';

export type MessageOutcome =
  | { kind: 'ignored'; reason: 'unmapped_channel' | 'duplicate' | 'empty' }
  | { kind: 'staff'; tookOver: boolean }
  | { kind: 'quiet'; mode: Conversation['mode'] }
  | { kind: 'decided'; decision: Decision; escalationId?: string };

/** Delivery retries and app_mention/message pairs must act once: 25 h covers Slack's delayed retries. */
export const MESSAGE_ONCE_TTL_MS = 25 * 60 * 60 * 1000;

/** The one entry point for a message in a customer channel, whatever platform it came from. */
export async function handleMessage(deps: CoreDeps, msg: InboundMessage): Promise<MessageOutcome> {
  const account = accountForChannel(deps.policy, msg.ref.channel);
  if (!account) return { kind: 'ignored', reason: 'unmapped_channel' };
  if (!msg.text.trim()) return { kind: 'ignored', reason: 'empty' };
  const key = conversationKey(msg.ref);
  if (!(await deps.once.claimOnce(`msg:${msg.ref.platform}:${msg.ref.channel}:${msg.id}`, MESSAGE_ONCE_TTL_MS))) {
    return { kind: 'ignored', reason: 'duplicate' };
  }
  return deps.locks.run(`conv:${key}`, async () => {
    const existing = await deps.conversations.get(key);
    if (!msg.author.isExternal) return handleStaff(deps, existing, msg);
    const before = existing ?? newConversation(msg.ref, account.id, msg.at);
    const conversation = withTurn(before, {
      role: 'customer',
      text: msg.text,
      at: msg.at,
      authorId: msg.author.id,
      authorName: msg.author.name,
      messageId: msg.id,
    });
    if (conversation.mode !== 'bot') {
      await deps.conversations.put(conversation);
      await forwardToSpecialist(deps, conversation, msg);
      return { kind: 'quiet', mode: conversation.mode };
    }
    return decideAndAct(deps, conversation, before.turns, msg.text, false);
  });
}

/** A staff reply in a customer thread means a human has it: Baton goes quiet there. */
async function handleStaff(deps: CoreDeps, existing: Conversation | undefined, msg: InboundMessage): Promise<MessageOutcome> {
  if (!existing) return { kind: 'staff', tookOver: false };
  const tookOver = existing.mode === 'bot';
  const next = withTurn(
    { ...existing, mode: existing.mode === 'bot' ? 'human' : existing.mode },
    { role: 'staff', text: msg.text, at: msg.at, authorId: msg.author.id, authorName: msg.author.name, messageId: msg.id },
  );
  await deps.conversations.put(next);
  if (tookOver) deps.log.info({ conversation: next.key, staff: msg.author.id }, 'staff took over the conversation');
  return { kind: 'staff', tookOver };
}

/** Runs the triage brain on the latest customer text and carries out what it decided. */
export async function decideAndAct(
  deps: CoreDeps,
  conversation: Conversation,
  history: Conversation['turns'],
  text: string,
  humanButton: boolean,
): Promise<MessageOutcome> {
  const decision = await decideSafely(deps, { text, history, accountId: conversation.accountId, humanButton });
  deps.log.info(
    {
      conversation: conversation.key,
      account: conversation.accountId,
      action: decision.action,
      category: decision.category,
      risk: decision.risk,
      trigger: decision.trigger,
      rule: decision.rule,
      confidence: decision.confidence,
      threshold: decision.threshold,
      complexity: decision.complexity,
      sentiment: decision.sentiment,
      loop: decision.loop,
    },
    'triage decision',
  );
  const decided: Conversation = { ...conversation, decisions: [...conversation.decisions, decision] };
  if (decision.action === 'escalate' && decision.trigger) {
    const trigger: TriggerType = decision.trigger;
    const copy = trigger === 'engine_error' ? 'unavailable' : 'handoff';
    const { escalation } = await openEscalation(deps, decided, { ...decision, trigger }, copy);
    return { kind: 'decided', decision, escalationId: escalation.id };
  }
  if (decision.action === 'answer' && decision.answer) {
    await replyWithAnswer(deps, decided, decision.answer);
    return { kind: 'decided', decision };
  }
  await deps.conversations.put(decided);
  return { kind: 'decided', decision };
}
