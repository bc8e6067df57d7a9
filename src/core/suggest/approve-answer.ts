import { redact } from '../feedback/redact.js';
import type { KnowledgeEntry } from '../ports/knowledge.js';
import { type Mark, type MarkContext, markSpans } from './mark-spans.js';

/** How an approved answer is cited to the customer: a person on the vendor's team wrote or approved it. */
export const APPROVED_TITLE = 'From our support team';

/** Who an approved answer speaks to: every customer, or one account's people only. */
export type AnswerScope = { everyone: true } | { account: string };

export interface AnswerApproval {
  topic: string;
  category?: string;
  /** The question retrieval matches new questions against. */
  question: string;
  /** The answer as the reviewer left it (edited or as proposed). */
  answer: string;
  scope: AnswerScope;
  /** The reviewer read the marked spans left in and confirms they are right for everyone it reaches. */
  confirmMarked: boolean;
  by: string;
  at: Date;
}

export type ApprovalResult = { ok: true; entry: KnowledgeEntry; marks: Mark[] } | { ok: false; reason: 'empty' } | { ok: false; reason: 'marked'; marks: Mark[] };

/** One approved answer per topic and audience: approving again replaces it. */
export const approvedAnswerId = (topic: string, scope: AnswerScope) => `answer:${topic}${'account' in scope ? `@${scope.account}` : ''}`;

export const scopeLabel = (scope: AnswerScope) => ('account' in scope ? `account ${scope.account}` : 'every customer');

/**
 * A reviewed answer as knowledge customers may be shown (`purpose: 'answer'`), for everyone or one
 * account. The text is redacted again (`redactText`: the policy's approvedTextRedactor where there is
 * a policy, which also takes out every account's name), then marked: a
 * marked span still in it refuses the approval unless the reviewer confirmed the spans.
 */
export function approveAnswer(a: AnswerApproval, context: MarkContext = {}, redactText: (text: string) => string = redact): ApprovalResult {
  const answer = redactText(a.answer.replace(/\r\n?/g, '\n').trim());
  if (answer === '') return { ok: false, reason: 'empty' };
  const marks = markSpans(answer, context);
  if (marks.length > 0 && !a.confirmMarked) return { ok: false, reason: 'marked', marks };
  const entry: KnowledgeEntry = {
    id: approvedAnswerId(a.topic, a.scope),
    kind: 'conversation',
    purpose: 'answer',
    question: redactText(a.question),
    answer,
    ...('account' in a.scope ? { account: a.scope.account } : { shared: { from: 'history', by: a.by, at: a.at.toISOString() } }),
    ...(a.category ? { category: a.category } : {}),
    topic: a.topic,
    title: APPROVED_TITLE,
    source: 'kb-suggest',
  };
  return { ok: true, entry, marks };
}

/** Approved answers (from this review) already in the knowledge: their topics are not proposed again. */
export function reviewedTopics(entries: readonly KnowledgeEntry[]): Set<string> {
  return new Set(entries.filter((e) => e.source === 'kb-suggest' && e.purpose === 'answer' && e.topic).map((e) => e.topic!));
}
