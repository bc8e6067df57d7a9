import MiniSearch from 'minisearch';
import type { KnowledgeEntry, KnowledgeHit, KnowledgeIndex } from '../ports/knowledge.js';
import { contentTerms } from '../triage/text-terms.js';

const MAX_LOOKUP_TERMS = 10;

interface IndexedDoc {
  id: number;
  question: string;
}

/**
 * MiniSearch finds candidates (BM25, typo-tolerant); we then score each candidate with an IDF-weighted
 * cosine between the query's and the entry's terms, so that a similarity means the same thing whatever
 * the size of the KB and can be compared with a confidence threshold.
 */
export class MiniSearchKnowledgeIndex implements KnowledgeIndex {
  private readonly entries: KnowledgeEntry[] = [];
  private readonly termsOf: string[][] = [];
  private readonly docFreq = new Map<string, number>();
  private readonly byTopic = new Map<string, KnowledgeEntry[]>();
  private readonly search_ = new MiniSearch<IndexedDoc>({
    fields: ['question'],
    storeFields: [],
    tokenize: (text) => contentTerms(text),
    processTerm: (term) => term,
    searchOptions: { fuzzy: (term) => (term.length > 5 ? 0.2 : false), combineWith: 'OR' },
  });

  constructor(entries: Iterable<KnowledgeEntry> = []) {
    this.addAll(entries);
  }

  get size(): number {
    return this.entries.length;
  }

  addAll(entries: Iterable<KnowledgeEntry>): void {
    const docs: IndexedDoc[] = [];
    for (const entry of entries) {
      const id = this.entries.length;
      const terms = contentTerms(entry.question);
      this.entries.push(entry);
      this.termsOf.push(terms);
      if (entry.topic !== undefined) {
        const list = this.byTopic.get(entry.topic) ?? [];
        list.push(entry);
        this.byTopic.set(entry.topic, list);
      }
      for (const t of terms) this.docFreq.set(t, (this.docFreq.get(t) ?? 0) + 1);
      docs.push({ id, question: entry.question });
    }
    this.search_.addAll(docs);
  }

  search(text: string, scope: { accountId: string; limit: number }): KnowledgeHit[] {
    const query = contentTerms(text);
    if (query.length === 0) return [];
    const visible = (id: number) => {
      const account = this.entries[id]?.account;
      return account === undefined || account === scope.accountId;
    };
    const candidates = this.search_.search(this.selective(query).join(' '), { filter: (r) => visible(r.id as number) });
    const hits: KnowledgeHit[] = [];
    for (const r of candidates.slice(0, Math.max(scope.limit * 4, 40))) {
      const id = r.id as number;
      hits.push({ entry: this.entries[id]!, similarity: this.similarity(query, r.queryTerms, this.termsOf[id]!, r.terms) });
    }
    return hits.sort((a, b) => b.similarity - a.similarity).slice(0, scope.limit);
  }

  topicEntries(topic: string, accountId: string): KnowledgeEntry[] {
    return (this.byTopic.get(topic) ?? []).filter((e) => e.account === undefined || e.account === accountId);
  }

  /**
   * The query terms worth a lookup: a word in more than a quarter of the KB ("card", "account") finds
   * thousands of candidates and ranks none of them, so it is left to the similarity, unless the query
   * has nothing rarer. Unknown words (typos) sort first and are looked up fuzzily.
   */
  private selective(query: string[]): string[] {
    const limit = this.entries.length / 4;
    const rare = query.filter((t) => (this.docFreq.get(t) ?? 0) <= limit);
    // A long message needs no more than its rarest words to find its neighbours.
    return (rare.length > 0 ? rare : query).sort((a, b) => (this.docFreq.get(a) ?? 0) - (this.docFreq.get(b) ?? 0)).slice(0, MAX_LOOKUP_TERMS);
  }

  /** Weight of a term: rare terms say more. A term no entry holds (a typo, an unknown word) weighs most. */
  private weight(term: string): number {
    const df = this.docFreq.get(term) ?? 0;
    return Math.log(1 + (this.entries.length + 1) / (df + 1));
  }

  private similarity(query: string[], matchedQuery: string[], doc: string[], matchedDoc: string[]): number {
    const mass = (terms: string[]) => terms.reduce((s, t) => s + this.weight(t) ** 2, 0);
    const q = mass(query);
    const d = mass(doc);
    if (q === 0 || d === 0) return 0;
    const mq = Math.min(mass(matchedQuery), q);
    const md = Math.min(mass(matchedDoc), d);
    // What the query asks must be covered more than what the entry says: unmatched query words are
    // the mark of a question the KB does not know ("what do geese eat" is not "the ATM ate my card").
    return (mq / q) ** 0.65 * (md / d) ** 0.35;
  }
}
