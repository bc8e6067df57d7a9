import type { Conversation } from '../conversation/conversation.js';
import type { LoopDeps } from '../deps.js';
import type { Escalation } from '../escalation/escalation.js';
import { isLead } from '../metrics/leads.js';
import { conversationKey } from '../model/conversation-ref.js';
import type { KnowledgeEntry } from '../ports/knowledge.js';

/**
 * A closed escalation tagged "automation potential: yes" whose resolution can answer the next customer:
 * the customer's question as it stood when Baton handed over, and the specialist's resolution.
 */
export function candidateEntry(e: Escalation, conversation: Conversation | undefined): KnowledgeEntry | undefined {
  if (e.status !== 'resolved' || e.tags?.automation !== 'yes') return undefined;
  const turns = conversation?.turns ?? [];
  const question = turns.filter((t) => t.role === 'customer' && t.at <= e.openedAt).map((t) => t.text).join('\n');
  const replies = turns.filter((t) => t.role === 'staff' && t.at >= e.openedAt && t.at <= (e.resolvedAt ?? Infinity)).map((t) => t.text);
  const answer = e.tags.note ?? replies.join('\n\n');
  if (!question.trim() || !answer.trim()) return undefined;
  // Global on purpose: a lead approves it as an answer for every customer (the button says so).
  return { id: `escalation:${e.id}`, kind: 'conversation', question, answer, category: e.category, title: `Resolution of ${e.id}`, source: 'kb-candidate' };
}

export type ApproveResult =
  | { ok: true; entry: KnowledgeEntry }
  | { ok: false; reason: 'not_lead' | 'not_found' | 'not_a_candidate' | 'already_approved' };

/** A lead's click: the resolution becomes knowledge the running decider uses for the next question. */
export async function approveCandidate(deps: LoopDeps, escalationId: string, userId: string): Promise<ApproveResult> {
  if (!isLead(deps.policy, userId)) return { ok: false, reason: 'not_lead' };
  const escalation = await deps.escalations.get(escalationId);
  if (!escalation) return { ok: false, reason: 'not_found' };
  const entry = candidateEntry(escalation, await deps.conversations.get(conversationKey(escalation.conversation)));
  if (!entry) return { ok: false, reason: 'not_a_candidate' };
  if (!(await deps.once.claimOnce(`kb-approve:${escalationId}`, 10 * 365 * 24 * 60 * 60 * 1000))) return { ok: false, reason: 'already_approved' };
  await deps.loop.candidates.put({ escalationId, entry, approvedBy: userId, approvedAt: deps.clock.now() });
  deps.loop.knowledge.addAll([entry]);
  deps.log.info({ escalationId, by: userId, entry: entry.id }, 'KB candidate approved and indexed');
  return { ok: true, entry };
}
