import { purposeOf } from '../../core/answer/purpose.js';
import { redact } from '../../core/feedback/redact.js';
import type { KnowledgeEntry } from '../../core/ports/knowledge.js';
import { type ApprovalResult, approveAnswer } from '../../core/suggest/approve-answer.js';
import { type MarkContext, markSpans } from '../../core/suggest/mark-spans.js';
import { indent, markLines } from './proposal-text.js';

/** An imported resolution, history that no customer is shown, which a lead may approve as an answer for everyone. */
export function awaitsApproval(e: KnowledgeEntry): boolean {
  return e.kind === 'conversation' && purposeOf(e) === 'history' && !!e.answer?.trim() && e.needsHuman !== true;
}

export interface Approval {
  by: string;
  at: Date;
  /** The lead's edit of the answer (and title); redacted again, as any text that leaves its conversation. */
  answer?: string;
  title?: string;
  /** The lead confirms the marked spans left in the answer. */
  confirmMarked: boolean;
}

/**
 * The entry as an answer for every customer: no account, who shared it, the text redacted again. A
 * span that looks like one ticket's (see markSpans) refuses it until edited out or confirmed.
 */
export function shareEntry(e: KnowledgeEntry, a: Approval, context: MarkContext, redactText: (text: string) => string = redact): ApprovalResult {
  const approved = approveAnswer(
    { topic: e.topic ?? e.id, question: e.question, answer: a.answer ?? e.answer ?? '', scope: { everyone: true }, confirmMarked: a.confirmMarked, by: a.by, at: a.at },
    context,
    redactText,
  );
  if (!approved.ok) return approved;
  const { account, ...rest } = e;
  const entry: KnowledgeEntry = {
    ...rest,
    purpose: 'answer',
    answer: approved.entry.answer!,
    ...(a.title !== undefined ? { title: redactText(a.title.trim()) } : {}),
    shared: { from: account ?? '', by: a.by, at: a.at.toISOString() },
  };
  return { ...approved, entry };
}

/**
 * The pending list: id, account, topic, and the whole text exactly as approving it as it stands would
 * store it (the same redaction, the same cleaning), with its marks.
 */
export function formatPending(entries: KnowledgeEntry[], context: MarkContext, redactText: (text: string) => string = redact): string {
  if (entries.length === 0) return 'No resolutions wait for approval.';
  const lines = [`${entries.length} imported resolution(s), quoted to no customer; \`baton kb approve ID\` makes one an answer for every customer:`];
  for (const e of entries) {
    const asIs = shareEntry(e, { by: '', at: new Date(0), confirmMarked: true }, context, redactText);
    const answer = asIs.ok ? asIs.entry.answer! : '';
    lines.push(`  ${e.id}  [account ${e.account ?? '-'}${e.topic ? `, topic ${e.topic}` : ''}${e.category ? `, category ${e.category}` : ''}]`);
    lines.push(`      title:  ${e.title ?? '-'}`, '      answer, exactly:', indent(answer, '        | '), '      marked:', ...markLines(markSpans(answer, context), '        '));
  }
  return lines.join('\n');
}
