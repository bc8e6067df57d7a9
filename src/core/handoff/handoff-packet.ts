import type { AccountPolicy, QueuePolicy } from '../../config/policy-schema.js';
import type { Conversation } from '../conversation/conversation.js';
import type { DraftState, Escalation } from '../escalation/escalation.js';
import type { Citation, DraftAnswer } from '../model/decision.js';
import type { Turn } from '../model/message.js';
import { slaDetail } from '../hours/queue-sla.js';
import { describeTrigger, signalLines } from './escalation-reason.js';
import { summarize } from './summary.js';
import { plainDraft } from '../copilot/draft-text.js';

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
  queue: { id: string; role: string; slaMinutes: number; /** "1 hour", with business hours if any. */ sla: string };
  dueAt: number;
  /** The promise ran out unclaimed at this moment (the current queue's; or, with `moved`, the first one's). */
  breachedAt?: number;
  /** The SLA breach moved it: `to` on the first queue's packet, `from` on the backup queue's. */
  moved?: { direction: 'to' | 'from'; role: string; at: number };
  reason: string;
  signals: { label: string; value: string }[];
  draftAnswer?: DraftAnswer;
  /** A copilot draft (the packet holds Baton's answer for review, not an escalation): where its review stands, and the text "Send as is" sends. */
  draft?: { state: DraftState; by?: string; text: string };
  /** "Articles for the team": what the knowledge holds about the question, staff-only articles marked `internal`. Never shown to the customer. */
  articles?: Citation[];
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
  /** The articles the team may read about the question (packet-articles.ts). */
  articles?: Citation[];
  /** This packet is the first queue's copy of an escalation its breach moved on. */
  movedAway?: { to: QueuePolicy };
}

/** The breach shown on a packet: the moving one on the first queue's copy, else the current queue's own. */
function breachOf(input: PacketInput): number | undefined {
  const e = input.escalation;
  if (input.movedAway && e.movedFrom) return e.movedFrom.at;
  const last = e.history.filter((h) => h.type === 'breached').at(-1)?.at;
  return last !== undefined && last !== e.movedFrom?.at ? last : undefined;
}

function moveOf(input: PacketInput, from: QueuePolicy | undefined): HandoffPacket['moved'] {
  const moved = input.escalation.movedFrom;
  if (!moved) return undefined;
  if (input.movedAway) return { direction: 'to', role: input.movedAway.to.role, at: moved.at };
  return from ? { direction: 'from', role: from.role, at: moved.at } : undefined;
}

/** `from`: the first queue, when a breach moved the escalation. */
export function buildHandoffPacket(input: PacketInput, from?: QueuePolicy): HandoffPacket {
  const { escalation: e, conversation: c, account, queue } = input;
  const breachedAt = breachOf(input);
  const moved = moveOf(input, from);
  return {
    escalationId: e.id,
    status: e.status,
    claimedBy: e.claimedBy?.name ?? e.claimedBy?.id,
    resolvedBy: e.resolvedBy?.name ?? e.resolvedBy?.id,
    tags: e.tags,
    rootCauseLabel: input.rootCauseLabel,
    category: e.category,
    summary: summarize(c.turns, e.decision, e.draft?.state === 'pending'),
    account: { name: account.name, tier: account.tier, crmUrl: account.crm_url },
    page: input.page,
    queue: { id: queue.id, role: queue.role, slaMinutes: queue.sla_minutes, sla: slaDetail(queue) },
    dueAt: e.dueAt,
    ...(breachedAt !== undefined ? { breachedAt } : {}),
    ...(moved ? { moved } : {}),
    reason: describeTrigger(e.trigger, e.decision),
    signals: signalLines(e.decision),
    draftAnswer: e.decision.answer,
    ...(e.draft ? { draft: { state: e.draft.state, by: e.draft.by?.name ?? e.draft.by?.id, text: plainDraft(e.decision.answer?.text ?? '') } } : {}),
    ...(input.articles?.length ? { articles: input.articles } : {}),
    transcript: c.turns,
    conversationLink: input.conversationLink,
  };
}
