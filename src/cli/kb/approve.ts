import { redact } from '../../core/feedback/redact.js';
import type { KnowledgeEntry } from '../../core/ports/knowledge.js';

/** A resolution quoted to its own account only, which a lead may approve for everyone. */
export function awaitsApproval(e: KnowledgeEntry): boolean {
  return e.kind === 'conversation' && e.account !== undefined && !!e.answer?.trim() && e.needsHuman !== true;
}

export interface Approval {
  by: string;
  at: Date;
  /** The lead's edit of the answer (and title); redacted again, as any text that leaves its conversation. */
  answer?: string;
  title?: string;
}

/** The entry as global knowledge: no account (every customer may be answered from it), and who shared it. */
export function shareEntry(e: KnowledgeEntry, a: Approval): KnowledgeEntry {
  const { account, ...rest } = e;
  return {
    ...rest,
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
  const lines = [`${entries.length} resolution(s) quoted to their own account only; \`baton kb approve ID\` shares one with every customer:`];
  for (const e of entries) {
    lines.push(`  ${e.id}  [account ${e.account}${e.topic ? `, topic ${e.topic}` : ''}${e.category ? `, category ${e.category}` : ''}]`);
    lines.push(`      title:  ${e.title ?? '-'}`, `      answer: ${oneLine(e.answer ?? '', 160)}`);
  }
  return lines.join('\n');
}
