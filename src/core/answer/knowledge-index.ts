import type { KnowledgeEntry, KnowledgeHit, KnowledgeIndex, Reader, SearchScope } from '../ports/knowledge.js';
import { entryTopic } from '../triage/evidence.js';
import { contentTerms } from '../triage/text-terms.js';
import type { AudienceFilter } from './audience.js';
import { EntriesInMemory, type EntryColumn } from './entry-column.js';
import { GLOBAL_SCOPE, InvertedIndex, type InvertedIndexState, type Lookup } from './inverted-index.js';
import { quotable } from './purpose.js';
import { ScopedDocs } from './topic-docs.js';

const MAX_LOOKUP_TERMS = 10;
/** Scope of an account that owns no entry: it sees the global ones only. */
const NO_ENTRIES = -2;
/** Between two ids in `KnowledgeIndexState.ids`: no id holds it. */
const ID_SEPARATOR = '\u0000';

type TopicDocs = Record<'all' | Reader, ScopedDocs>;

/** Everything the index holds but its entries, for saving it and loading it back (see `state()`). */
export interface KnowledgeIndexState {
  index: InvertedIndexState;
  /** Each document's entry id (empty for a replaced one), joined by NUL: the id map is built from it on the first change. */
  ids: string;
  hasAudience: Int32Array;
  scopeOf: [string, number][];
  byTopic: [string, Record<'all' | Reader, [number, Int32Array][]>][];
}

/**
 * Retrieval over the KB: an inverted index over the entries' stemmed question terms, and an IDF-weighted
 * similarity in [0, 1] between the query's and each entry's terms, so that a similarity means the same
 * thing whatever the size of the KB and can be compared with a confidence threshold. Every entry sharing
 * a selective query term is scored, and the k most similar are returned. Entries are keyed by id:
 * adding one again replaces it.
 */
export class InvertedKnowledgeIndex implements KnowledgeIndex {
  private readonly index: InvertedIndex;
  /** By document number; a replaced entry's slot is emptied. */
  private readonly entries: EntryColumn;
  /** Entry id -> document; built from the saved ids when a loaded index is first changed. */
  private ids: Map<string, number> | string;
  /** Documents whose entry names an audience: the few a hit must ask `allows` about (reading every entry would cost a cache miss each). */
  private readonly hasAudience: Set<number>;
  private readonly scopeOf: Map<string, number>;
  /** Per topic, its documents, and those quotable to each reader (what an answer is drawn from). */
  private readonly byTopic: Map<string, TopicDocs>;

  constructor(
    entries: Iterable<KnowledgeEntry> = [],
    /** Who each entry is for (synced articles' audiences), applied where hits are chosen. */
    private readonly allows: AudienceFilter = () => true,
    /** An index as `state()` saved it, and its entries. */
    saved?: { state: KnowledgeIndexState; entries: EntryColumn },
  ) {
    const state = saved?.state;
    this.index = new InvertedIndex(state?.index);
    this.entries = saved?.entries ?? new EntriesInMemory();
    this.ids = state?.ids ?? new Map();
    this.hasAudience = new Set(state?.hasAudience);
    this.scopeOf = new Map(state?.scopeOf);
    this.byTopic = new Map(state?.byTopic.map(([topic, docs]) => [topic, { all: new ScopedDocs(docs.all), customer: new ScopedDocs(docs.customer), staff: new ScopedDocs(docs.staff) }]));
    this.addAll(entries);
  }

  /** All but the entries, as they are now (see `documents()` for those). */
  state(): KnowledgeIndexState {
    const ids = typeof this.ids === 'string' ? this.ids : this.idsText();
    return {
      index: this.index.state(),
      ids,
      hasAudience: Int32Array.from(this.hasAudience),
      scopeOf: [...this.scopeOf],
      byTopic: [...this.byTopic].map(([topic, docs]) => [topic, { all: docs.all.state(), customer: docs.customer.state(), staff: docs.staff.state() }]),
    };
  }

  /** The entry of each document as it is now, in order (undefined for a replaced one): what is saved beside the state. */
  documents(): (KnowledgeEntry | undefined)[] {
    return Array.from({ length: this.index.documents }, (_, doc) => this.entries.get(doc));
  }

  get size(): number {
    return this.index.size;
  }

  get version(): number {
    return this.index.version;
  }

  addAll(entries: Iterable<KnowledgeEntry>): void {
    for (const entry of entries) this.add(entry);
  }

  search(text: string, scope: SearchScope): KnowledgeHit[] {
    const query = contentTerms(text);
    if (query.length === 0) return [];
    return this.rank(query, this.scopeOf.get(scope.accountId) ?? NO_ENTRIES, scope);
  }

  topicEntries(topic: string, accountId: string, reader: Reader = 'customer'): Iterable<KnowledgeEntry> {
    return this.visible(this.byTopic.get(topic)?.all, accountId, reader);
  }

  topicAnswers(topic: string, accountId: string, reader: Reader): Iterable<KnowledgeEntry> {
    return this.visible(this.byTopic.get(topic)?.[reader], accountId, reader);
  }

  private *visible(docs: ScopedDocs | undefined, accountId: string, reader: Reader): Generator<KnowledgeEntry> {
    if (!docs) return;
    for (const doc of docs.visible(this.scopeOf.get(accountId) ?? NO_ENTRIES)) {
      const entry = this.entries.get(doc)!;
      if (this.allows(entry, accountId, reader)) yield entry;
    }
  }

  private add(entry: KnowledgeEntry): void {
    const docOf = this.docOf();
    const previous = docOf.get(entry.id);
    if (previous !== undefined) this.drop(previous);
    const scope = this.scope(entry.account);
    const doc = this.index.add(contentTerms(entry.question), scope);
    this.entries.set(doc, entry);
    docOf.set(entry.id, doc);
    if (entry.audience !== undefined) this.hasAudience.add(doc);
    // Keyed as the classifier keys its topics, so a doc section (its own topic) is found by its reading.
    const topic = entryTopic(entry);
    if (topic !== undefined) this.file(topic, entry, scope, doc, 'add');
  }

  private docOf(): Map<string, number> {
    if (typeof this.ids === 'string') this.ids = new Map(this.ids.split(ID_SEPARATOR).flatMap((id, doc) => (id === '' ? [] : [[id, doc] as const])));
    return this.ids;
  }

  private idsText(): string {
    const byDoc = new Array<string>(this.index.documents).fill('');
    for (const [id, doc] of this.docOf()) byDoc[doc] = id;
    return byDoc.join(ID_SEPARATOR);
  }

  /** Files a document under its topic's lists, or takes it out of them. */
  private file(topic: string, entry: KnowledgeEntry, scope: number, doc: number, change: 'add' | 'remove'): void {
    let docs = this.byTopic.get(topic);
    if (!docs) {
      docs = { all: new ScopedDocs(), customer: new ScopedDocs(), staff: new ScopedDocs() };
      this.byTopic.set(topic, docs);
    }
    docs.all[change](scope, doc);
    for (const reader of ['customer', 'staff'] as const) if (quotable(entry, reader)) docs[reader][change](scope, doc);
  }

  /**
   * Replaced entries leave an empty slot behind (their postings are skipped): updates are rare, a
   * re-import of a changed conversation or an approved candidate, so compaction is not worth its code.
   */
  private drop(doc: number): void {
    const entry = this.entries.get(doc)!;
    const topic = entryTopic(entry);
    if (topic !== undefined) this.file(topic, entry, this.scope(entry.account), doc, 'remove');
    this.entries.set(doc, undefined);
    this.hasAudience.delete(doc);
    this.index.remove(doc);
  }

  private scope(account: string | undefined): number {
    if (account === undefined) return GLOBAL_SCOPE;
    const known = this.scopeOf.get(account);
    if (known !== undefined) return known;
    const code = this.scopeOf.size + 1;
    this.scopeOf.set(account, code);
    return code;
  }

  /** The `limit` entries most similar to the query among those of the scope sharing a selective term. */
  private rank(query: string[], scope: number, asker: SearchScope): KnowledgeHit[] {
    const q = query.reduce((s, t) => s + this.index.weight(t) ** 2, 0);
    const reader = asker.reader ?? 'customer';
    const allowed = (doc: number) => !this.hasAudience.has(doc) || this.allows(this.entries.get(doc)!, asker.accountId, reader);
    const top = this.index.rank(this.lookups(query), scope, q, asker.limit, allowed);
    return top.docs.map((doc, i) => ({ entry: this.entries.get(doc)!, similarity: top.scores[i]! }));
  }

  /**
   * The query terms worth a lookup: a word in more than a quarter of the KB ("card", "account") finds
   * thousands of entries and ranks none of them, so it counts only in the query's own mass, unless the
   * query has nothing rarer that the KB holds (a word in no entry is no reason to drop the ones that match:
   * in a small source every word it has is "common"). A long message needs no more than its rarest words to
   * find its neighbours. Terms longer than five letters also match spellings one or two edits away (typos).
   */
  private lookups(query: string[]): Lookup[] {
    const df = (t: string) => this.index.frequency(t);
    const rare = query.filter((t) => df(t) <= this.index.size / 4);
    const chosen = (rare.some((t) => df(t) > 0) ? rare : [...query]).sort((a, b) => df(a) - df(b)).slice(0, MAX_LOOKUP_TERMS);
    return chosen.map((t) => ({
      weight2: this.index.weight(t) ** 2,
      termIds: this.index.spellings(t, t.length > 5 ? Math.round(t.length * 0.2) : 0),
    }));
  }
}
