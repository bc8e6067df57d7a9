import type { Conversation } from '../conversation/conversation.js';
import type { LoopDeps } from '../deps.js';
import type { Escalation } from '../escalation/escalation.js';
import { isLead } from '../metrics/leads.js';
import { conversationKey } from '../model/conversation-ref.js';
import type { KnowledgeEntry } from '../ports/knowledge.js';
import { redact } from './redact.js';

/** How an approved resolution is cited to the customer: it came from a person on the vendor's team. */
const CANDIDATE_TITLE = 'From our support team';

/**
 * Knowledge in waiting: a closed escalation tagged "automation potential: yes", or a copilot draft a
 * specialist edited before sending it (the edit is a specialist-written answer). A draft sent as is
 * adds nothing the knowledge did not say, and a discarded one was wrong: neither is ever a candidate.
 */
function isCandidate(e: Escalation): boolean {
  return e.status === 'resolved' && (e.tags?.automation === 'yes' || e.draft?.state === 'edited');
}

/**
 * A candidate's resolution as it can answer the next customer: the customer's question as it stood
 * when Baton handed over (or drafted), and the specialist's resolution (the close note, or their replies:
 * for an edited draft, the text they sent).
 *
 * The entry is the escalation's account's own knowledge: a resolution speaks of that customer's people,
 * setup and history, and Baton never quotes one customer's conversation to another. Personal data and
 * secrets are taken out as well, since other people at the same customer ask too. The review shows
 * this same text, so a lead approves exactly what will be quoted.
 */
export function candidateEntry(e: Escalation, conversation: Conversation | undefined): KnowledgeEntry | undefined {
  if (!isCandidate(e)) return undefined;
  const turns = conversation?.turns ?? [];
  const question = redact(turns.filter((t) => t.role === 'customer' && t.at <= e.openedAt).map((t) => t.text).join('\n'));
  const replies = turns.filter((t) => t.role === 'staff' && t.at >= e.openedAt && t.at <= (e.resolvedAt ?? Infinity)).map((t) => t.text);
  const answer = redact(e.tags?.note ?? replies.join('\n\n'));
  if (!question.trim() || !answer.trim()) return undefined;
  return {
    id: `escalation:${e.id}`,
    kind: 'conversation',
    // A closed escalation is history until a lead approves it (approveCandidate, shareCandidate).
    purpose: 'history',
    question,
    answer,
    account: e.accountId,
    category: e.category,
    // The topic Baton recognised in the question: once approved, the resolution answers that topic.
    ...(e.decision.topic ? { topic: e.decision.topic } : {}),
    // Customers see the title as the answer's "Source:"; the escalation id is internal.
    title: CANDIDATE_TITLE,
    source: 'kb-candidate',
  };
}

/** A lead's approval: the candidate, history until now, becomes an answer its account's customers are shown. */
export function approvedAnswer(candidate: KnowledgeEntry): KnowledgeEntry {
  return { ...candidate, purpose: 'answer' };
}

export type ApproveResult =
  | { ok: true; entry: KnowledgeEntry }
  | { ok: false; reason: 'not_lead' | 'not_found' | 'not_a_candidate' | 'already_approved' };

/**
 * A lead's click: the resolution becomes an answer (for its own account) the running decider uses for
 * the next question.
 * The stored approval is itself the once-marker: it is written atomically and only if absent, so of two
 * clicks one approves, and a failed write throws with nothing recorded, leaving the candidate approvable.
 */
export async function approveCandidate(deps: Pick<LoopDeps, 'clock' | 'conversations' | 'escalations' | 'log' | 'loop' | 'policy'>, escalationId: string, userId: string): Promise<ApproveResult> {
  if (!isLead(deps.policy, userId)) return { ok: false, reason: 'not_lead' };
  const escalation = await deps.escalations.get(escalationId);
  if (!escalation) return { ok: false, reason: 'not_found' };
  const candidate = candidateEntry(escalation, await deps.conversations.get(conversationKey(escalation.conversation)));
  if (!candidate) return { ok: false, reason: 'not_a_candidate' };
  const entry = approvedAnswer(candidate);
  if (!(await deps.loop.candidates.putIfAbsent({ escalationId, entry, approvedBy: userId, approvedAt: deps.clock.now() }))) {
    return { ok: false, reason: 'already_approved' };
  }
  deps.loop.knowledge.addAll([entry]);
  deps.log.info({ escalationId, by: userId, entry: entry.id, account: entry.account }, 'KB candidate approved and indexed for its account');
  return { ok: true, entry };
}
