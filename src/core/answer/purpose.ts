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
