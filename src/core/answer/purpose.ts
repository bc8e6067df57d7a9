import type { KnowledgeEntry, Reader } from '../ports/knowledge.js';

export type Purpose = NonNullable<KnowledgeEntry['purpose']>;

/** What an entry is for, its stated purpose or the contract's default: docs answer, everything else is history. */
export function purposeOf(entry: KnowledgeEntry): Purpose {
  return entry.purpose ?? (entry.kind === 'doc' ? 'answer' : 'history');
}

/** Knowledge a text for this audience may be drawn from: customers only ever get answers. */
export function speaksTo(entry: KnowledgeEntry, audience: Reader): boolean {
  return audience === 'staff' || purposeOf(entry) === 'answer';
}

/**
 * An entry whose resolution may ground a text for this audience: it carries a resolution that did not
 * itself need a human, and, for a customer, it is an answer (a doc, a Q&A marked as answers, an approved
 * resolution), never imported history.
 */
export function quotable(entry: KnowledgeEntry, audience: Reader = 'customer'): boolean {
  return entry.answer !== undefined && entry.answer.trim() !== '' && entry.needsHuman !== true && speaksTo(entry, audience);
}
