import SearchableMap from 'minisearch/SearchableMap';
import { IntList } from './int-list.js';
import { TopHits } from './top-hits.js';

/** Scope of a document everyone may see; accounts get scopes from 1 up. */
export const GLOBAL_SCOPE = 0;
/** Scope of a replaced document: matches no query scope, so it is never scored again. */
const REMOVED = -1;

/** One query term to look up: its squared weight and the term ids it matches (itself, near spellings). */
export interface Lookup {
  weight2: number;
  termIds: number[];
}

/** Exponents of the similarity: unmatched query words weigh more than unmatched entry words. */
const QUERY_EXP = 0.65;
const DOC_EXP = 0.35;
/** A document's lookups are a bit mask. */
export const MAX_LOOKUPS = 30;

/** An index's columns as they are, for saving it and loading it back (see InvertedIndex.saved). */
export interface InvertedIndexState {
  /** The vocabulary, by term id. */
  terms: string[];
  /** Term t's postings are postingDocs[postingStart[t] .. postingStart[t + 1]). */
  postingStart: Int32Array;
  postingDocs: Int32Array;
  docFreq: Int32Array;
  scopes: Int32Array;
  termStart: Int32Array;
  docTerms: Int32Array;
  live: number;
  changes: number;
}

/**
 * Documents as term-id lists with a postings list per term, all in typed arrays: a 50k-entry KB costs a
 * few MB and a lookup walks integer arrays instead of maps of objects. Each document has a scope (global
 * or one account); `match` skips documents of other scopes before anything is added up for them.
 */
export class InvertedIndex {
  /** term -> id; a radix tree so that a misspelt query term still finds its near spellings. */
  private readonly vocabulary = new SearchableMap<number>();
  private readonly postings: IntList[] = [];
  private docFreq = new Int32Array(1024);
  private readonly scopes: IntList;
  private readonly termStart: IntList;
  private readonly docTerms: IntList;
  private live = 0;
  /** Bumped by every change: weights move with the KB, so a document's mass is recomputed when its stamp is stale. */
  private changes = 1;
  private mass = new Float64Array(0);
  private massVersion = new Int32Array(0);
  /** By term id: the lookups holding it, as a bit mask (set for the length of one `rank`). */
  private lookupMask = new Int32Array(1024);
  /** By document: the number of the `rank` that last scored it. */
  private scored = new Int32Array(0);
  private ranks = 0;

  /** An empty index, or one as `state()` saved it. */
  constructor(saved?: InvertedIndexState) {
    this.scopes = saved ? IntList.of(saved.scopes) : new IntList(1024);
    this.termStart = saved ? IntList.of(saved.termStart) : new IntList(1024);
    this.docTerms = saved ? IntList.of(saved.docTerms) : new IntList(8192);
    if (!saved) return;
    const { terms, postingStart, postingDocs } = saved;
    terms.forEach((term, id) => {
      this.vocabulary.set(term, id);
      this.postings.push(IntList.of(postingDocs.subarray(postingStart[id], postingStart[id + 1])));
    });
    this.docFreq = new Int32Array(Math.max(1024, terms.length * 2));
    this.docFreq.set(saved.docFreq);
    this.lookupMask = new Int32Array(this.docFreq.length);
    this.live = saved.live;
    this.changes = saved.changes;
  }

  /** The columns as they are now (copies: the index goes on changing). */
  state(): InvertedIndexState {
    const terms: string[] = [];
    for (const [term, id] of this.vocabulary) terms[id] = term;
    const postingStart = new Int32Array(terms.length + 1);
    this.postings.forEach((list, id) => {
      postingStart[id + 1] = postingStart[id]! + list.length;
    });
    const postingDocs = new Int32Array(postingStart[terms.length]!);
    this.postings.forEach((list, id) => {
      postingDocs.set(list.view(), postingStart[id]);
    });
    return {
      terms,
      postingStart,
      postingDocs,
      docFreq: this.docFreq.slice(0, terms.length),
      scopes: this.scopes.view().slice(),
      termStart: this.termStart.view().slice(),
      docTerms: this.docTerms.view().slice(),
      live: this.live,
      changes: this.changes,
    };
  }

  get version(): number {
    return this.changes;
  }

  /** Documents ever added, replaced ones included: the next document's number. */
  get documents(): number {
    return this.scopes.length;
  }

  /** Live documents (replaced ones excluded). */
  get size(): number {
    return this.live;
  }

  /** Indexes a document's (de-duplicated) terms under a scope; returns its number. */
  add(terms: readonly string[], scope: number): number {
    const doc = this.scopes.length;
    this.scopes.push(scope);
    this.termStart.push(this.docTerms.length);
    for (const term of terms) {
      const id = this.termId(term);
      this.docTerms.push(id);
      this.postings[id]!.push(doc);
      this.docFreq[id]!++;
    }
    this.live++;
    this.changes++;
    return doc;
  }

  /** Takes a document out of every count; its postings stay but are skipped by its scope. */
  remove(doc: number): void {
    if (this.scopes.at(doc) === REMOVED) return;
    for (const id of this.termsOf(doc)) this.docFreq[id]!--;
    this.scopes.set(doc, REMOVED);
    this.live--;
    this.changes++;
  }

  /** Live documents holding the term. */
  frequency(term: string): number {
    const id = this.vocabulary.get(term);
    return id === undefined ? 0 : this.docFreq[id]!;
  }

  /** Weight of a term: rare terms say more. A term no document holds (a typo, an unknown word) weighs most. */
  weight(term: string): number {
    return this.weightOf(this.frequency(term));
  }

  /** Ids of the terms within `maxDistance` edits of `term` (itself included), for typo-tolerant lookups. */
  spellings(term: string, maxDistance: number): number[] {
    if (maxDistance === 0) {
      const id = this.vocabulary.get(term);
      return id === undefined ? [] : [id];
    }
    return [...this.vocabulary.fuzzyGet(term, maxDistance).values()].map(([id]) => id);
  }

  termWeight2(id: number): number {
    return this.weightOf(this.docFreq[id]!) ** 2;
  }

  /** Summed weight² of a document's terms, cached until the KB changes. */
  documentMass(doc: number): number {
    if (this.massVersion[doc] === this.changes) return this.mass[doc]!;
    let sum = 0;
    for (const id of this.termsOf(doc)) sum += this.termWeight2(id);
    this.mass[doc] = sum;
    this.massVersion[doc] = this.changes;
    return sum;
  }

  /**
   * The `limit` documents visible to `scope` (its own and global ones) most similar to the query, among
   * those holding a looked-up term and passing `accept`. A document's similarity is (the query mass it
   * matches, each lookup once, over `queryMass`)^0.65 times (its own matched mass, each term once, over
   * its whole mass)^0.35. Lookups are walked heaviest first, and the walk stops when the lookups left
   * could not lift a document they alone hold above the current k-th score: the common words' long
   * posting lists are read only while they could still change the ranking.
   */
  rank(lookups: readonly Lookup[], scope: number, queryMass: number, limit: number, accept: (doc: number) => boolean): TopHits {
    if (lookups.length > MAX_LOOKUPS) throw new RangeError(`at most ${MAX_LOOKUPS} lookups`);
    this.reserve();
    const rank = ++this.ranks;
    // Each distinct term's own weight counts once in a document's matched mass: at its first lookup.
    const firsts: { id: number; weight2: number }[] = [];
    lookups.forEach((lookup, n) => {
      for (const id of lookup.termIds) {
        if (this.lookupMask[id] === 0) firsts.push({ id, weight2: this.termWeight2(id) });
        this.lookupMask[id]! |= 1 << n;
      }
    });
    const order = lookups.map((_, n) => n).sort((a, b) => lookups[b]!.weight2 - lookups[a]!.weight2);
    // left[i]: the most query mass a document first met at the i-th lookup walked can match.
    const left = new Float64Array(order.length + 1);
    for (let i = order.length - 1; i >= 0; i--) left[i] = left[i + 1]! + lookups[order[i]!]!.weight2;
    const top = new TopHits(limit);
    let floor = -1;
    let bound = 0;
    const raise = () => {
      if (top.floor === floor) return;
      floor = top.floor;
      bound = floor ** (1 / QUERY_EXP);
    };
    try {
      for (let i = 0; i < order.length; i++) {
        raise();
        if (Math.min(left[i]! * (1 + 1e-9), queryMass) / queryMass < bound) break;
        for (const id of lookups[order[i]!]!.termIds) {
          const list = this.postings[id]!.view();
          for (let j = 0; j < list.length; j++) {
            const doc = list[j]!;
            const s = this.scopes.at(doc);
            if ((s !== GLOBAL_SCOPE && s !== scope) || this.scored[doc] === rank) continue;
            this.scored[doc] = rank;
            raise();
            const covered = Math.min(this.queryMassOf(doc, lookups), queryMass) / queryMass;
            if (covered < bound || !accept(doc)) continue;
            const d = this.documentMass(doc);
            const own = Math.min(this.matchedMassOf(doc, firsts), d) / d;
            top.offer(doc, covered ** QUERY_EXP * own ** DOC_EXP);
          }
        }
      }
    } finally {
      for (const { id } of firsts) this.lookupMask[id] = 0;
    }
    return top;
  }

  /** Summed weight² of the lookups a document holds a term of, in lookup order. */
  private queryMassOf(doc: number, lookups: readonly Lookup[]): number {
    const terms = this.docTerms.buffer();
    let mask = 0;
    for (let i = this.termStart.at(doc), end = this.termEnd(doc); i < end; i++) mask |= this.lookupMask[terms[i]!]!;
    let sum = 0;
    for (let n = 0; mask !== 0; n++, mask >>>= 1) if (mask & 1) sum += lookups[n]!.weight2;
    return sum;
  }

  /** Summed weight² of the looked-up terms a document holds, each once. */
  private matchedMassOf(doc: number, firsts: readonly { id: number; weight2: number }[]): number {
    const terms = this.docTerms.buffer();
    const start = this.termStart.at(doc);
    const end = this.termEnd(doc);
    let sum = 0;
    for (const { id, weight2 } of firsts) {
      for (let i = start; i < end; i++) {
        if (terms[i] !== id) continue;
        sum += weight2;
        break;
      }
    }
    return sum;
  }

  /** Sizes the per-document buffers to the KB. */
  private reserve(): void {
    const n = this.scopes.length;
    if (this.scored.length < n) {
      const cap = Math.max(1024, n * 2);
      const mass = new Float64Array(cap);
      mass.set(this.mass);
      const massVersion = new Int32Array(cap);
      massVersion.set(this.massVersion);
      [this.mass, this.massVersion, this.scored] = [mass, massVersion, new Int32Array(cap)];
      this.ranks = 0;
    }
  }

  private termsOf(doc: number): Int32Array {
    return this.docTerms.view().subarray(this.termStart.at(doc), this.termEnd(doc));
  }

  private termEnd(doc: number): number {
    return doc + 1 < this.termStart.length ? this.termStart.at(doc + 1) : this.docTerms.length;
  }

  private weightOf(df: number): number {
    return Math.log(1 + (this.live + 1) / (df + 1));
  }

  private termId(term: string): number {
    const known = this.vocabulary.get(term);
    if (known !== undefined) return known;
    const id = this.postings.length;
    this.vocabulary.set(term, id);
    this.postings.push(new IntList());
    if (id === this.docFreq.length) {
      const grown = new Int32Array(id * 2);
      grown.set(this.docFreq);
      this.docFreq = grown;
      this.lookupMask = new Int32Array(id * 2);
    }
    return id;
  }
}
