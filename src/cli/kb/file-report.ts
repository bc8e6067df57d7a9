import type { KnowledgeEntry } from '../../core/ports/knowledge.js';

/** What one file (or Slack export folder) became: the format read, the records by kind, the skips by reason. */
export interface FileReport {
  formats: Set<string>;
  /** Written for customers: docs, Q&A the team marked as answers. */
  answers: number;
  /** Past conversations: they teach triage and ground staff drafts, never quoted to a customer. */
  history: number;
  /** Question-only examples (a question with no resolution). */
  examples: number;
  /** Conversations whose account could not be resolved: history of no account. */
  noAccount: number;
  skipped: Map<string, number>;
  /** Objects of a file read to be joined to the records (users, organizations, comment events...). */
  joined: number;
}

export const emptyReport = (): FileReport => ({ formats: new Set(), answers: 0, history: 0, examples: 0, noAccount: 0, skipped: new Map(), joined: 0 });

/** Counts one kept entry under its kind. */
export function countEntry(r: FileReport, format: string, e: KnowledgeEntry): void {
  r.formats.add(format);
  if (e.purpose === 'answer') r.answers++;
  else if (e.kind === 'example') r.examples++;
  else r.history++;
  if (e.kind === 'conversation' && e.purpose !== 'answer' && !e.account) r.noAccount++;
}

/** One line a file: "tickets.json (Zendesk): 2 answers, 10 history (3 of no account), 1 question-only; skipped 1 (...)". */
export function formatFileReport(file: string, r: FileReport): string {
  const kinds = [
    `${r.answers} answer(s)`,
    `${r.history} history${r.noAccount > 0 ? ` (${r.noAccount} of no account)` : ''}`,
    `${r.examples} question-only example(s)`,
  ];
  const skipped = [...r.skipped].map(([why, n]) => `${n} ${why}`);
  if (r.joined > 0 && r.formats.size === 0) return `  ${file}: ${r.joined} object(s) joined to the records (people, organizations, groups, comment events)`;
  const formats = r.formats.size > 0 ? [...r.formats].join(' + ') : 'nothing recognised';
  return `  ${file} (${formats}): ${kinds.join(', ')}${skipped.length > 0 ? `; skipped ${skipped.join('; ')}` : ''}`;
}
