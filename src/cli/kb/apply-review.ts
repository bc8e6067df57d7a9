import type { KnowledgeEntry } from '../../core/ports/knowledge.js';
import { approveAnswer, scopeLabel } from '../../core/suggest/approve-answer.js';
import type { MarkContext } from '../../core/suggest/mark-spans.js';
import { type ReviewItem, scopeOf } from './review-file.js';

export interface ReviewOutcome {
  approved: { entry: KnowledgeEntry; to: string }[];
  rejected: string[];
  pending: string[];
  /** Why an item cannot be applied as it stands: any of these, and nothing is applied. */
  problems: string[];
}

/** The review file's decisions as knowledge to write and topics to reject, or the problems that stop it. */
export function applyReview(items: readonly ReviewItem[], opts: { by: string; at: Date; accounts: ReadonlySet<string>; context: MarkContext; redactText: (text: string) => string }): ReviewOutcome {
  const out: ReviewOutcome = { approved: [], rejected: [], pending: [], problems: [] };
  items.forEach((item, i) => {
    const where = `item ${i + 1} (${item.topic})`;
    if (item.decision === 'pending') out.pending.push(item.topic);
    if (item.decision === 'reject') out.rejected.push(item.topic);
    if (item.decision !== 'approve') return;
    const scope = scopeOf(item);
    if ('account' in scope && !opts.accounts.has(scope.account)) {
      out.problems.push(`${where}: for: ${scope.account} is not an account of the policy (use everyone or one of: ${[...opts.accounts].join(', ')})`);
      return;
    }
    const result = approveAnswer({ topic: item.topic, ...(item.category ? { category: item.category } : {}), question: item.question, answer: item.answer, scope, confirmMarked: item.confirm_marked, by: opts.by, at: opts.at }, opts.context, opts.redactText);
    if (result.ok) out.approved.push({ entry: result.entry, to: scopeLabel(scope) });
    else if (result.reason === 'empty') out.problems.push(`${where}: the answer is empty; reject the topic instead`);
    else out.problems.push(`${where}: ${result.marks.length} marked span(s) left in (${result.marks.map((m) => `${m.kind}: "${m.text}"`).join('; ')}); edit them out or set confirm_marked: true`);
  });
  return out;
}
