import type { KnowledgeEntry } from '../ports/knowledge.js';

/**
 * An index's entries by document number (an emptied slot is a replaced entry): held in memory as they
 * are added, or, for an index loaded from its saved copy, read from that copy as they are asked for.
 */
export interface EntryColumn {
  get(doc: number): KnowledgeEntry | undefined;
  set(doc: number, entry: KnowledgeEntry | undefined): void;
}

export class EntriesInMemory implements EntryColumn {
  private readonly entries: (KnowledgeEntry | undefined)[] = [];

  get(doc: number): KnowledgeEntry | undefined {
    return this.entries[doc];
  }

  set(doc: number, entry: KnowledgeEntry | undefined): void {
    this.entries[doc] = entry;
  }
}
