import type { AccountPolicy, QueuePolicy } from '../../config/policy-schema.js';
import type { Conversation } from '../conversation/conversation.js';
import type { DraftState, Escalation } from '../escalation/escalation.js';
import type { DraftAnswer } from '../model/decision.js';
import type { Turn } from '../model/message.js';
import { describeTrigger, signalLines } from './escalation-reason.js';
import { summarize } from './summary.js';

/** Everything a specialist needs to pick up without asking the customer to repeat themselves. */
export interface HandoffPacket {
  escalationId: string;
  status: Escalation['status'];
  claimedBy?: string;
  resolvedBy?: string;
  tags?: Escalation['tags'];
  /** The root cause as the policy names it, for people to read. */
  rootCauseLabel?: string;
  category: string;
  summary: string;
  account: { name: string; tier: string; crmUrl?: string };
  page?: string;
  queue: { id: string; role: string; slaMinutes: number };
  dueAt: number;
  reason: string;
  signals: { label: string; value: string }[];
  draftAnswer?: DraftAnswer;
  /** A copilot draft (the packet holds Baton's answer for review, not an escalation): where its review stands. */
  draft?: { state: DraftState; by?: string };
  transcript: Turn[];
  conversationLink?: string;
}

export interface PacketInput {
  escalation: Escalation;
  conversation: Conversation;
  account: AccountPolicy;
  queue: QueuePolicy;
  page?: string;
  conversationLink?: string;
  rootCauseLabel?: string;
}

export function buildHandoffPacket(input: PacketInput): HandoffPacket {
  const { escalation: e, conversation: c, account, queue } = input;
  return {
    escalationId: e.id,
    status: e.status,
    claimedBy: e.claimedBy?.name ?? e.claimedBy?.id,
    resolvedBy: e.resolvedBy?.name ?? e.resolvedBy?.id,
    tags: e.tags,
    rootCauseLabel: input.rootCauseLabel,
    category: e.category,
    summary: summarize(c.turns, e.decision),
    account: { name: account.name, tier: account.tier, crmUrl: account.crm_url },
    page: input.page,
    queue: { id: queue.id, role: queue.role, slaMinutes: queue.sla_minutes },
    dueAt: e.dueAt,
    reason: describeTrigger(e.trigger, e.decision),
    signals: signalLines(e.decision),
    draftAnswer: e.decision.answer,
    ...(e.draft ? { draft: { state: e.draft.state, by: e.draft.by?.name ?? e.draft.by?.id } } : {}),
    transcript: c.turns,
    conversationLink: input.conversationLink,
  };
}
