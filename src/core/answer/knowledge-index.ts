import type { KnowledgeEntry, KnowledgeHit, KnowledgeIndex } from '../ports/knowledge.js';
import { entryTopic } from '../triage/evidence.js';
import { contentTerms } from '../triage/text-terms.js';
import type { AudienceFilter } from './audience.js';
import { GLOBAL_SCOPE, InvertedIndex, type Lookup } from './inverted-index.js';
import { TopHits } from './top-hits.js';

const MAX_LOOKUP_TERMS = 10;
/** Scope of an account that owns no entry: it sees the global ones only. */
const NO_ENTRIES = -2;
/** Exponents of the similarity: unmatched query words weigh more than unmatched entry words. */
const QUERY_EXP = 0.65;
const DOC_EXP = 0.35;

/**
 * Retrieval over the KB: an inverted index over the entries' stemmed question terms, and an IDF-weighted
 * similarity in [0, 1] between the query's and each entry's terms, so that a similarity means the same
 * thing whatever the size of the KB and can be compared with a confidence threshold. Every entry sharing
 * a selective query term is scored, and the k most similar are returned. Entries are keyed by id:
 * adding one again replaces it.
 */
export class InvertedKnowledgeIndex implements KnowledgeIndex {
  private readonly index = new InvertedIndex();
  /** By document number; a replaced entry's slot is emptied. */
  private readonly entries: (KnowledgeEntry | undefined)[] = [];
  private readonly docOf = new Map<string, number>();
  private readonly scopeOf = new Map<string, number>();
  private readonly byTopic = new Map<string, number[]>();

  constructor(
    entries: Iterable<KnowledgeEntry> = [],
    /** Who each entry is for (synced articles' audiences), applied where hits are chosen. */
    private readonly allows: AudienceFilter = () => true,
  ) {
    this.addAll(entries);
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

  search(text: string, scope: { accountId: string; limit: number }): KnowledgeHit[] {
    const query = contentTerms(text);
    if (query.length === 0) return [];
    return this.rank(query, this.scopeOf.get(scope.accountId) ?? NO_ENTRIES, scope);
  }

  topicEntries(topic: string, accountId: string): KnowledgeEntry[] {
    const visible = (e: KnowledgeEntry | undefined): e is KnowledgeEntry => e !== undefined && (e.account === undefined || e.account === accountId) && this.allows(e, accountId);
    return (this.byTopic.get(topic) ?? []).map((doc) => this.entries[doc]).filter(visible);
  }

  private add(entry: KnowledgeEntry): void {
    const previous = this.docOf.get(entry.id);
    if (previous !== undefined) this.drop(previous);
    const doc = this.index.add(contentTerms(entry.question), this.scope(entry.account));
    this.entries[doc] = entry;
    this.docOf.set(entry.id, doc);
    // Keyed as the classifier keys its topics, so a doc section (its own topic) is found by its reading.
    const topic = entryTopic(entry);
    if (topic !== undefined) {
      const docs = this.byTopic.get(topic) ?? [];
      docs.push(doc);
      this.byTopic.set(topic, docs);
    }
  }

  /**
   * Replaced entries leave an empty slot behind (their postings are skipped): updates are rare, a
   * re-import of a changed conversation or an approved candidate, so compaction is not worth its code.
   */
  private drop(doc: number): void {
    const entry = this.entries[doc];
    const topic = entry && entryTopic(entry);
    const docs = topic === undefined ? undefined : this.byTopic.get(topic);
    docs?.splice(docs.indexOf(doc), 1);
    this.entries[doc] = undefined;
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
  private rank(query: string[], scope: number, asker: { accountId: string; limit: number }): KnowledgeHit[] {
    const q = query.reduce((s, t) => s + this.index.weight(t) ** 2, 0);
    const matches = this.index.match(this.lookups(query), scope);
    const top = new TopHits(asker.limit);
    // An entry's similarity is at most (matched query share)^QUERY_EXP: most entries are ruled out on
    // that bound without computing their own mass.
    let floor = -1;
    let bound = 0;
    for (const doc of matches.docs) {
      const covered = Math.min(matches.queryMass[doc]!, q) / q;
      if (top.floor !== floor) {
        floor = top.floor;
        bound = floor ** (1 / QUERY_EXP);
      }
      if (covered < bound) continue;
      const entry = this.entries[doc]!;
      if (entry.audience !== undefined && !this.allows(entry, asker.accountId)) continue;
      const d = this.index.documentMass(doc);
      const own = Math.min(matches.docMass[doc]!, d) / d;
      top.offer(doc, covered ** QUERY_EXP * own ** DOC_EXP);
    }
    return top.docs.map((doc, i) => ({ entry: this.entries[doc]!, similarity: top.scores[i]! }));
  }

  /**
   * The query terms worth a lookup: a word in more than a quarter of the KB ("card", "account") finds
   * thousands of entries and ranks none of them, so it counts only in the query's own mass, unless the
   * query has nothing rarer. A long message needs no more than its rarest words to find its neighbours.
   * Terms longer than five letters also match spellings one or two edits away (typos).
   */
  private lookups(query: string[]): Lookup[] {
    const df = (t: string) => this.index.frequency(t);
    const rare = query.filter((t) => df(t) <= this.index.size / 4);
    const chosen = (rare.length > 0 ? rare : [...query]).sort((a, b) => df(a) - df(b)).slice(0, MAX_LOOKUP_TERMS);
    return chosen.map((t) => ({
      weight2: this.index.weight(t) ** 2,
      termIds: this.index.spellings(t, t.length > 5 ? Math.round(t.length * 0.2) : 0),
    }));
  }
}
