import type { LoopDeps } from '../deps.js';
import { isLead } from '../metrics/leads.js';
import { conversationKey } from '../model/conversation-ref.js';
import type { KnowledgeEntry } from '../ports/knowledge.js';
import { candidateEntry } from './kb-candidate.js';
import { redact } from './redact.js';

/** The approval record of a resolution shared with every customer, beside its account approval. */
export const sharedKey = (escalationId: string) => `${escalationId}:shared`;

export type ShareRefusal = 'not_lead' | 'not_found' | 'not_a_candidate' | 'already_shared' | 'empty';
export type ShareForm = { ok: true; escalationId: string; account: string; answer: string } | { ok: false; reason: ShareRefusal };
export type ShareResult = { ok: true; entry: KnowledgeEntry } | { ok: false; reason: ShareRefusal };

async function candidate(deps: Pick<LoopDeps, 'conversations' | 'escalations' | 'loop' | 'policy'>, escalationId: string, userId: string): Promise<{ entry: KnowledgeEntry } | { reason: ShareRefusal }> {
  if (!isLead(deps.policy, userId)) return { reason: 'not_lead' };
  const escalation = await deps.escalations.get(escalationId);
  if (!escalation) return { reason: 'not_found' };
  const entry = candidateEntry(escalation, await deps.conversations.get(conversationKey(escalation.conversation)));
  if (!entry) return { reason: 'not_a_candidate' };
  if (await deps.loop.candidates.get(sharedKey(escalationId))) return { reason: 'already_shared' };
  return { entry };
}

/** What the lead edits before sharing: the resolution as it is quoted today, redacted. */
export async function shareForm(deps: Pick<LoopDeps, 'conversations' | 'escalations' | 'loop' | 'policy'>, escalationId: string, userId: string): Promise<ShareForm> {
  const c = await candidate(deps, escalationId, userId);
  return 'reason' in c ? { ok: false, reason: c.reason } : { ok: true, escalationId, account: c.entry.account ?? '', answer: c.entry.answer ?? '' };
}

/**
 * A lead shares a closed escalation's resolution, as they edited it, with every customer: a global
 * entry of its own (the account's entry stays as it was), indexed at once. The edit is redacted again,
 * as all text that leaves its conversation; the approval record is the once-marker, as for an approval.
 */
export async function shareCandidate(deps: Pick<LoopDeps, 'clock' | 'conversations' | 'escalations' | 'log' | 'loop' | 'policy'>, escalationId: string, userId: string, edited: string): Promise<ShareResult> {
  const c = await candidate(deps, escalationId, userId);
  if ('reason' in c) return { ok: false, reason: c.reason };
  const answer = redact(edited.trim());
  if (answer === '') return { ok: false, reason: 'empty' };
  const { account, ...rest } = c.entry;
  const now = deps.clock.now();
  const entry: KnowledgeEntry = { ...rest, id: `${c.entry.id}:shared`, purpose: 'answer', answer, shared: { from: account ?? '', by: userId, at: new Date(now).toISOString() } };
  if (!(await deps.loop.candidates.putIfAbsent({ escalationId: sharedKey(escalationId), entry, approvedBy: userId, approvedAt: now }))) return { ok: false, reason: 'already_shared' };
  deps.loop.knowledge.addAll([entry]);
  deps.log.info({ escalationId, by: userId, entry: entry.id, from: account }, 'KB candidate shared with every customer');
  return { ok: true, entry };
}
