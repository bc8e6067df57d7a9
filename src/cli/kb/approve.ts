import { redact } from '../../core/feedback/redact.js';
import { purposeOf } from '../../core/answer/purpose.js';
import type { KnowledgeEntry } from '../../core/ports/knowledge.js';

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
}

/** The entry as a global answer: no account (every customer may be answered from it), and who shared it. */
export function shareEntry(e: KnowledgeEntry, a: Approval): KnowledgeEntry {
  const { account, ...rest } = e;
  return {
    ...rest,
    purpose: 'answer',
    ...(a.answer !== undefined ? { answer: redact(a.answer.trim()) } : {}),
    ...(a.title !== undefined ? { title: redact(a.title.trim()) } : {}),
    shared: { from: account ?? '', by: a.by, at: a.at.toISOString() },
  };
}

const oneLine = (s: string, n: number) => {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
};

/** The pending list: id, account, topic, and the text exactly as it would be quoted. */
export function formatPending(entries: KnowledgeEntry[]): string {
  if (entries.length === 0) return 'No resolutions wait for approval.';
  const lines = [`${entries.length} imported resolution(s), quoted to no customer; \`baton kb approve ID\` makes one an answer for every customer:`];
  for (const e of entries) {
    lines.push(`  ${e.id}  [account ${e.account ?? '-'}${e.topic ? `, topic ${e.topic}` : ''}${e.category ? `, category ${e.category}` : ''}]`);
    lines.push(`      title:  ${e.title ?? '-'}`, `      answer: ${oneLine(e.answer ?? '', 160)}`);
  }
  return lines.join('\n');
}
