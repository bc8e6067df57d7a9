import type { ConversationRef } from '../model/conversation-ref.js';
import { conversationKey } from '../model/conversation-ref.js';
import type { Decision, Reading } from '../model/decision.js';
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
  /**
   * Decisions taken in this conversation, oldest first: the first that was more than smalltalk (it
   * sets the conversation's category in the reports) and the latest ones (see withDecision).
   */
  decisions: Decision[];
  escalationId?: string;
  /** Escalations this conversation had before the current one, oldest first. */
  pastEscalationIds: string[];
  botAnswers: number;
  /** Messages decided but not yet delivered, oldest first (core/delivery). */
  outbox?: Delivery[];
  /** When the last escalation of this conversation was closed. */
  lastClosedAt?: number;
  /** When people took the thread without writing in it (a discarded copilot draft): their quiet period counts from here too. */
  peopleSince?: number;
  /** Clarifying questions asked here, oldest first (clarification.ts). */
  clarifications?: Clarification[];
  createdAt: number;
  updatedAt: number;
}

/** A clarifying question: the request it is about, the readings offered, and how the customer settled it. */
export interface Clarification {
  at: number;
  /** The customer's question, kept as the request: the decision after the pick is about these words. */
  request: { text: string; messageId?: string };
  readings: Reading[];
  /** The reading picked (none for "something else" or a reply that named neither) and what followed. */
  settled?: { reading?: string; action: 'answer' | 'escalate' };
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

/**
 * The reports read a conversation's first substantive decision (its category) and delivery its latest;
 * a runaway thread must not grow the stored record without bound. Every decision is also logged once
 * with its inputs: the log is the full audit trail.
 */
const MAX_DECISIONS = 50;

/** Adds a decision, keeping the stored list bounded: the first substantive decision stays, then the latest. */
export function withDecision(c: Conversation, decision: Decision): Conversation {
  const decisions = [...c.decisions, decision];
  if (decisions.length <= MAX_DECISIONS) return { ...c, decisions };
  const first = decisions.find((d) => d.action !== 'ignore');
  const latest = decisions.slice(-(MAX_DECISIONS - 1));
  return { ...c, decisions: first && !latest.includes(first) ? [first, ...latest] : decisions.slice(-MAX_DECISIONS) };
}

export function withTurn(c: Conversation, turn: Turn): Conversation {
  const turns = [...c.turns, turn];
  return { ...c, turns: turns.length > MAX_TURNS ? turns.slice(-MAX_TURNS) : turns, updatedAt: turn.at };
}
