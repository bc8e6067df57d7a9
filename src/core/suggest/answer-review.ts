import type { LoopDeps } from '../deps.js';
import { approvedTextRedactor } from '../feedback/redact-approved.js';
import { isLead } from '../metrics/leads.js';
import type { KnowledgeEntry } from '../ports/knowledge.js';
import type { AnswerReviewSource } from '../ports/loop-ports.js';
import { type AnswerScope, approveAnswer, reviewedTopics } from './approve-answer.js';
import type { Mark } from './mark-spans.js';
import { draftProposal, markContext, type Proposal, representativeProposal } from './propose-answer.js';
import { historyTopic, topicGroups } from './topic-suggestions.js';

/** A topic's review decision is kept under this key of the candidate store, one per topic. */
export const topicReviewKey = (topic: string) => `topic:${topic}`;

export type ReviewDecision =
  /** `answer`: the lead's edit; absent, the proposal as shown (its `version`). */
  | { kind: 'approve'; topic: string; version: string; answer?: string; scope: AnswerScope; confirmMarked: boolean }
  | { kind: 'reject'; topic: string };

export type ReviewRefusal = 'not_lead' | 'no_review' | 'not_found' | 'stale' | 'already_reviewed' | 'unknown_account' | 'empty' | 'marked';
export type ReviewResult = { ok: true; entry?: KnowledgeEntry } | { ok: false; reason: ReviewRefusal; marks?: Mark[] };

async function proposalOf(deps: Pick<LoopDeps, 'policy'>, source: AnswerReviewSource, topic: string, list: readonly KnowledgeEntry[]): Promise<Proposal | undefined> {
  const t = historyTopic(topic, list, markContext(deps.policy));
  if (!t) return undefined;
  if (!source.llm) return representativeProposal(t, markContext(deps.policy));
  const cached = source.drafts.get(topic);
  if (cached?.from.every((id) => t.resolutions.some((r) => r.id === id))) return cached;
  const drafted = await draftProposal(source.llm, t, markContext(deps.policy));
  source.drafts.set(topic, drafted);
  return drafted;
}

/** One topic's proposal as the review shows it now, for the edit step. */
export async function reviewProposal(deps: Pick<LoopDeps, 'loop' | 'policy'>, topic: string): Promise<Proposal | undefined> {
  const source = deps.loop.review;
  const list = source && topicGroups(source.knowledge()).find(([t]) => t === topic)?.[1];
  return list && proposalOf(deps, source, topic, list);
}

/** The history's top topics not reviewed yet (approved in the knowledge file or the store, rejected in the store or with `kb approve --file`), each with its proposal. */
export async function loadAnswerReview(deps: Pick<LoopDeps, 'loop' | 'policy'>, top: number): Promise<Proposal[]> {
  const source = deps.loop.review;
  if (!source) return [];
  const knowledge = source.knowledge();
  const reviewed = new Set([...reviewedTopics([...knowledge, ...(await deps.loop.candidates.approvedEntries())]), ...source.rejectedTopics()]);
  const proposals: Proposal[] = [];
  for (const [topic, list] of topicGroups(knowledge)) {
    if (proposals.length >= top) break;
    if (reviewed.has(topic) || (await deps.loop.candidates.get(topicReviewKey(topic)))) continue;
    const p = await proposalOf(deps, source, topic, list);
    if (p) proposals.push(p);
  }
  return proposals;
}

/**
 * A lead's decision on a topic's proposed answer, from any review surface. An approval is an answer
 * customers may be shown (for everyone or one account), indexed at once and kept in the store; a
 * rejection is kept so the topic is not proposed again. Approving the proposal unedited needs the
 * version shown: a proposal that changed since (new history, a new draft) is refused as stale.
 */
export async function decideReview(deps: Pick<LoopDeps, 'clock' | 'log' | 'loop' | 'policy'>, userId: string, d: ReviewDecision): Promise<ReviewResult> {
  if (!isLead(deps.policy, userId)) return { ok: false, reason: 'not_lead' };
  if (!deps.loop.review) return { ok: false, reason: 'no_review' };
  const proposal = await reviewProposal(deps, d.topic);
  if (!proposal) return { ok: false, reason: 'not_found' };
  if (await deps.loop.candidates.get(topicReviewKey(d.topic))) return { ok: false, reason: 'already_reviewed' };
  const at = deps.clock.now();
  if (d.kind === 'reject') {
    const entry: KnowledgeEntry = { id: `rejected:${d.topic}`, kind: 'conversation', purpose: 'history', question: proposal.question, answer: proposal.answer, topic: d.topic };
    const stored = await deps.loop.candidates.putIfAbsent({ escalationId: topicReviewKey(d.topic), entry, approvedBy: userId, approvedAt: at, rejected: true });
    return stored ? { ok: true } : { ok: false, reason: 'already_reviewed' };
  }
  if (d.answer === undefined && d.version !== proposal.version) return { ok: false, reason: 'stale' };
  const account = 'account' in d.scope ? d.scope.account : undefined;
  if (account !== undefined && !deps.policy.accounts.some((a) => a.id === account)) return { ok: false, reason: 'unknown_account' };
  const approval = { topic: d.topic, ...(proposal.category ? { category: proposal.category } : {}), question: proposal.question, answer: d.answer ?? proposal.answer, scope: d.scope, confirmMarked: d.confirmMarked, by: userId, at: new Date(at) };
  const result = approveAnswer(approval, markContext(deps.policy), approvedTextRedactor(deps.policy));
  if (!result.ok) return result;
  if (!(await deps.loop.candidates.putIfAbsent({ escalationId: topicReviewKey(d.topic), entry: result.entry, approvedBy: userId, approvedAt: at }))) return { ok: false, reason: 'already_reviewed' };
  deps.loop.knowledge.addAll([result.entry]);
  deps.log.info({ topic: d.topic, by: userId, entry: result.entry.id, scope: d.scope, edited: d.answer !== undefined, confirmedMarks: result.marks.length }, 'proposed answer approved and indexed');
  return { ok: true, entry: result.entry };
}
