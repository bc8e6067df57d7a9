import type { ConversationRef, Platform } from '../model/conversation-ref.js';
import type { Decision, PacketTrigger } from '../model/decision.js';

export type EscalationStatus = 'open' | 'claimed' | 'resolved';

/** pending: waiting for a specialist; sent: as drafted; edited: sent after changes; discarded: never sent. */
export const DRAFT_STATES = ['pending', 'sent', 'edited', 'discarded'] as const;
export type DraftState = (typeof DRAFT_STATES)[number];

export interface DraftReview {
  state: DraftState;
  by?: Specialist;
  at?: number;
}
export const AI_ACCURACY = ['correct', 'partially_correct', 'off_base'] as const;
export const AUTOMATION_POTENTIAL = ['yes', 'maybe', 'no'] as const;
export type AiAccuracy = (typeof AI_ACCURACY)[number];
export type AutomationPotential = (typeof AUTOMATION_POTENTIAL)[number];

export interface CloseTags {
  rootCause: string;
  aiAccuracy: AiAccuracy;
  automation: AutomationPotential;
  note?: string;
}

export interface Specialist {
  id: string;
  name?: string;
}

/** Where the handoff packet was posted, so it can be updated in place. */
export interface PacketLocation {
  platform: Platform;
  channel: string;
  messageId: string;
}

export interface EscalationEvent {
  type: 'opened' | 'claimed' | 'released' | 'resolved' | 'nudged' | 'breached' | 'assigned';
  at: number;
  by?: string;
  /** `assigned`: the teammate it was given to. */
  to?: string;
}

/** A line for the team on the packet: kept with the escalation, shown in its packet thread, never sent to the customer. */
export interface InternalNote {
  at: number;
  by: Specialist;
  text: string;
}

export interface Escalation {
  id: string;
  conversation: ConversationRef;
  accountId: string;
  queueId: string;
  category: string;
  trigger: PacketTrigger;
  decision: Decision;
  /** Present on a copilot draft (trigger `copilot`): where its review stands. */
  draft?: DraftReview;
  status: EscalationStatus;
  openedAt: number;
  /** Due time promised to the customer: the queue's SLA in its business hours, from opening or the move. */
  dueAt: number;
  /** Set when the first queue's SLA ran out unclaimed and the escalation moved to its backup queue. */
  movedFrom?: { queueId: string; at: number; packet?: PacketLocation };
  claimedBy?: Specialist;
  claimedAt?: number;
  /** When a person's own words first reached the customer after the handoff (a relayed reply, or one written in the thread). */
  firstResponseAt?: number;
  /** The team's internal notes, oldest first. */
  notes?: InternalNote[];
  resolvedAt?: number;
  resolvedBy?: Specialist;
  tags?: CloseTags;
  packet?: PacketLocation;
  /** Product page the customer was on, when the conversation showed one. */
  page?: string;
  conversationLink?: string;
  /** Bumped on every claim/release so a compare-and-set can tell stale writers apart. */
  version: number;
  history: EscalationEvent[];
}

export type TransitionResult =
  | { ok: true; escalation: Escalation }
  | { ok: false; reason: 'already_claimed'; by: Specialist }
  | { ok: false; reason: 'not_claimed_by_you'; by?: Specialist }
  | { ok: false; reason: 'already_resolved'; by?: Specialist }
  | { ok: false; reason: 'not_resolved' };

export function claim(e: Escalation, who: Specialist, at: number): TransitionResult {
  if (e.status === 'resolved') return { ok: false, reason: 'already_resolved', by: e.resolvedBy };
  if (e.status === 'claimed' && e.claimedBy) {
    if (e.claimedBy.id === who.id) return { ok: true, escalation: e };
    return { ok: false, reason: 'already_claimed', by: e.claimedBy };
  }
  return {
    ok: true,
    escalation: {
      ...e,
      status: 'claimed',
      claimedBy: who,
      claimedAt: e.claimedAt ?? at,
      version: e.version + 1,
      history: [...e.history, { type: 'claimed', at, by: who.id }],
    },
  };
}

/**
 * A teammate gives the escalation to another: the assignee becomes its claimer, whoever held it before.
 * Giving it to the one who already has it changes nothing.
 */
export function assign(e: Escalation, to: Specialist, by: Specialist, at: number): TransitionResult {
  if (e.status === 'resolved') return { ok: false, reason: 'already_resolved', by: e.resolvedBy };
  if (e.status === 'claimed' && e.claimedBy?.id === to.id) return { ok: true, escalation: e };
  return {
    ok: true,
    escalation: {
      ...e,
      status: 'claimed',
      claimedBy: to,
      claimedAt: e.claimedAt ?? at,
      version: e.version + 1,
      history: [...e.history, { type: 'assigned', at, by: by.id, to: to.id }],
    },
  };
}

/** Only the owner gives a claim back; the escalation returns to the queue. */
export function release(e: Escalation, who: Specialist, at: number): TransitionResult {
  if (e.status === 'resolved') return { ok: false, reason: 'already_resolved', by: e.resolvedBy };
  if (e.status !== 'claimed' || e.claimedBy?.id !== who.id) {
    return { ok: false, reason: 'not_claimed_by_you', by: e.claimedBy };
  }
  const { claimedBy: _claimedBy, ...rest } = e;
  return {
    ok: true,
    escalation: {
      ...rest,
      status: 'open',
      version: e.version + 1,
      history: [...e.history, { type: 'released', at, by: who.id }],
    },
  };
}

/** Any internal specialist may close; closing an unclaimed escalation claims it for the closer. */
export function resolve(e: Escalation, who: Specialist, tags: CloseTags, at: number): TransitionResult {
  if (e.status === 'resolved') return { ok: false, reason: 'already_resolved', by: e.resolvedBy };
  return {
    ok: true,
    escalation: {
      ...e,
      status: 'resolved',
      claimedBy: e.claimedBy ?? who,
      claimedAt: e.claimedAt ?? at,
      resolvedAt: at,
      resolvedBy: who,
      tags,
      version: e.version + 1,
      history: [...e.history, { type: 'resolved', at, by: who.id }],
    },
  };
}
