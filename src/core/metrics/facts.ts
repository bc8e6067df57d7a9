import { isClarifyingQuestion } from '../conversation/clarifying-question.js';
import type { Conversation } from '../conversation/conversation.js';
import type { AiAccuracy, AutomationPotential, DraftState, Escalation, EscalationStatus } from '../escalation/escalation.js';
import { conversationKey } from '../model/conversation-ref.js';
import { COPILOT, type PacketTrigger, type TriggerType } from '../model/decision.js';
import { isConfirmation } from './confirmation.js';

/**
 * Compact projections of conversations and escalations: just what the outcome definitions and the
 * reports read. Reports over 100k escalations parse these instead of whole records with transcripts.
 */
export type FactKind = 'customer' | 'thanks' | 'bot' | 'staff';

export interface ConversationFacts {
  key: string;
  accountId: string;
  createdAt: number;
  /** Category of the first decision that was more than smalltalk; absent when there was none. */
  category?: string;
  /** Epoch ms of each turn by kind, oldest first. "thanks" is a customer turn that only confirmed. */
  at: Record<FactKind, number[]>;
  /** Clarifying questions asked, when there were any. */
  clarify?: ClarifyCounts;
}

/** Clarifying questions asked, and how many of them the decision after the customer's reply answered or escalated. */
export interface ClarifyCounts {
  asked: number;
  answered: number;
  escalated: number;
}

function clarifyCounts(c: Conversation): ClarifyCounts | undefined {
  const asked = c.clarifications ?? [];
  if (asked.length === 0) return undefined;
  const settled = (action: string) => asked.filter((x) => x.settled?.action === action).length;
  return { asked: asked.length, answered: settled('answer'), escalated: settled('escalate') };
}

export interface EscalationFacts {
  id: string;
  conversationKey: string;
  accountId: string;
  queueId: string;
  category: string;
  trigger: TriggerType;
  status: EscalationStatus;
  openedAt: number;
  dueAt: number;
  claimedAt?: number;
  /** A person's first words to the customer after the handoff (see escalation.ts). */
  firstResponseAt?: number;
  resolvedAt?: number;
  nudgedAt?: number;
  breachedAt?: number;
  tags?: { rootCause: string; aiAccuracy: AiAccuracy; automation: AutomationPotential; hasNote: boolean };
}

export function conversationFacts(c: Conversation): ConversationFacts {
  const at: Record<FactKind, number[]> = { customer: [], thanks: [], bot: [], staff: [] };
  for (const t of c.turns) {
    // A clarifying question is not an answer: a customer who goes quiet after one was not resolved.
    if (isClarifyingQuestion(t)) continue;
    const kind: FactKind = t.role === 'customer' ? (isConfirmation(t.text) ? 'thanks' : 'customer') : t.role;
    at[kind].push(t.at);
  }
  // The category of what was decided; a question that only got a clarifying question counts under its best reading.
  const decided = c.decisions.filter((d) => d.action !== 'ignore');
  const category = (decided.find((d) => d.action !== 'clarify') ?? decided[0])?.category;
  const clarify = clarifyCounts(c);
  return { key: c.key, accountId: c.accountId, createdAt: c.createdAt, ...(category ? { category } : {}), at, ...(clarify ? { clarify } : {}) };
}

function lastEvent(e: Escalation, type: Escalation['history'][number]['type']): number | undefined {
  return e.history.filter((h) => h.type === type).at(-1)?.at;
}

/** What the facts store keeps of every packet in a queue: an escalation's facts, or a copilot draft's. */
export type PacketFacts = Omit<EscalationFacts, 'trigger'> & {
  trigger: PacketTrigger;
  /** A copilot draft's review (see escalation.ts): such a record is no escalation. */
  draft?: DraftState;
};

/** Every escalation figure counts handoffs only, never copilot drafts. */
export function isHandoff(f: PacketFacts): f is EscalationFacts {
  return f.trigger !== COPILOT;
}

export function escalationFacts(e: Escalation): PacketFacts {
  const nudgedAt = lastEvent(e, 'nudged');
  const breachedAt = lastEvent(e, 'breached');
  return {
    id: e.id,
    conversationKey: conversationKey(e.conversation),
    accountId: e.accountId,
    queueId: e.queueId,
    category: e.category,
    trigger: e.trigger,
    status: e.status,
    ...(e.draft ? { draft: e.draft.state } : {}),
    openedAt: e.openedAt,
    dueAt: e.dueAt,
    ...(e.claimedAt !== undefined ? { claimedAt: e.claimedAt } : {}),
    ...(e.firstResponseAt !== undefined ? { firstResponseAt: e.firstResponseAt } : {}),
    ...(e.resolvedAt !== undefined ? { resolvedAt: e.resolvedAt } : {}),
    ...(nudgedAt !== undefined ? { nudgedAt } : {}),
    ...(breachedAt !== undefined ? { breachedAt } : {}),
    ...(e.tags
      ? { tags: { rootCause: e.tags.rootCause, aiAccuracy: e.tags.aiAccuracy, automation: e.tags.automation, hasNote: !!e.tags.note } }
      : {}),
  };
}

