import type { ConversationRef } from '../model/conversation-ref.js';
import { conversationKey } from '../model/conversation-ref.js';
import type { Decision } from '../model/decision.js';
import type { Delivery } from '../delivery/delivery.js';
import type { Turn } from '../model/message.js';

/**
 * Who is talking to the customer in this thread:
 * - bot: Baton answers;
 * - escalated: an escalation is open, Baton stays quiet and forwards to the specialist thread;
 * - human: a staff member stepped in without an escalation, Baton stays quiet.
 */
export type ConversationMode = 'bot' | 'escalated' | 'human';

export interface Conversation {
  key: string;
  ref: ConversationRef;
  accountId: string;
  mode: ConversationMode;
  turns: Turn[];
  /** Every decision taken in this conversation, oldest first: the audit trail for the reports. */
  decisions: Decision[];
  escalationId?: string;
  /** Escalations this conversation had before the current one, oldest first. */
  pastEscalationIds: string[];
  botAnswers: number;
  /** Messages decided but not yet delivered, oldest first (core/delivery). */
  outbox?: Delivery[];
  /** When the last escalation of this conversation was closed. */
  lastClosedAt?: number;
  createdAt: number;
  updatedAt: number;
}

export function newConversation(ref: ConversationRef, accountId: string, at: number): Conversation {
  return {
    key: conversationKey(ref),
    ref,
    accountId,
    mode: 'bot',
    turns: [],
    decisions: [],
    pastEscalationIds: [],
    botAnswers: 0,
    createdAt: at,
    updatedAt: at,
  };
}

/** Most recent first when trimming: a runaway thread must not grow a stored record without bound. */
const MAX_TURNS = 200;

export function withTurn(c: Conversation, turn: Turn): Conversation {
  const turns = [...c.turns, turn];
  return { ...c, turns: turns.length > MAX_TURNS ? turns.slice(-MAX_TURNS) : turns, updatedAt: turn.at };
}
