import SearchableMap from 'minisearch/SearchableMap';
import { IntList } from './int-list.js';

/** Scope of a document everyone may see; accounts get scopes from 1 up. */
export const GLOBAL_SCOPE = 0;
/** Scope of a replaced document: matches no query scope, so it is never scored again. */
const REMOVED = -1;

/** One query term to look up: its squared weight and the term ids it matches (itself, near spellings). */
export interface Lookup {
  weight2: number;
  termIds: number[];
}

/** What a lookup touched. Shared buffers, valid until the next `match`: read them, do not keep them. */
export interface Matches {
  docs: Int32Array;
  /** By document: summed weight² of the lookups that matched it. */
  queryMass: Float64Array;
  /** By document: summed weight² of its distinct terms that were matched. */
  docMass: Float64Array;
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
  private readonly scopes = new IntList(1024);
  private readonly termStart = new IntList(1024);
  private readonly docTerms = new IntList(8192);
  private live = 0;
  /** Bumped by every change: weights move with the KB, so a document's mass is recomputed when its stamp is stale. */
  private changes = 1;
  private mass = new Float64Array(0);
  private massVersion = new Int32Array(0);
  private touched = new IntList(1024);
  private queryAcc = new Float64Array(0);
  private docAcc = new Float64Array(0);
  private lastLookup = new Int32Array(0);

  get version(): number {
    return this.changes;
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
   * The documents visible to `scope` (its own and global ones) that hold a looked-up term, with the query
   * mass they match (each lookup once) and their own matched mass (each document term once).
   */
  match(lookups: readonly Lookup[], scope: number): Matches {
    this.reserve();
    this.touched.length = 0;
    const counted = new Set<number>();
    lookups.forEach((lookup, n) => {
      for (const id of lookup.termIds) {
        const first = !counted.has(id);
        counted.add(id);
        this.walk(id, n + 1, lookup.weight2, first ? this.termWeight2(id) : 0, scope);
      }
    });
    return { docs: this.touched.view(), queryMass: this.queryAcc, docMass: this.docAcc };
  }

  private walk(id: number, lookupNo: number, queryWeight2: number, docWeight2: number, scope: number): void {
    const list = this.postings[id]!.view();
    for (let i = 0; i < list.length; i++) {
      const doc = list[i]!;
      const s = this.scopes.at(doc);
      if (s !== GLOBAL_SCOPE && s !== scope) continue;
      const seen = this.lastLookup[doc]!;
      if (seen === 0) {
        this.touched.push(doc);
        this.queryAcc[doc] = 0;
        this.docAcc[doc] = 0;
      }
      if (seen !== lookupNo) this.queryAcc[doc]! += queryWeight2;
      this.docAcc[doc]! += docWeight2;
      this.lastLookup[doc] = lookupNo;
    }
  }

  /** Sizes the per-document buffers to the KB and clears the marks of the previous match. */
  private reserve(): void {
    const n = this.scopes.length;
    if (this.lastLookup.length < n) {
      const cap = Math.max(1024, n * 2);
      const mass = new Float64Array(cap);
      mass.set(this.mass);
      const massVersion = new Int32Array(cap);
      massVersion.set(this.massVersion);
      [this.mass, this.massVersion] = [mass, massVersion];
      [this.queryAcc, this.docAcc, this.lastLookup] = [new Float64Array(cap), new Float64Array(cap), new Int32Array(cap)];
    }
    for (const doc of this.touched.view()) this.lastLookup[doc] = 0;
  }

  private termsOf(doc: number): Int32Array {
    const end = doc + 1 < this.termStart.length ? this.termStart.at(doc + 1) : this.docTerms.length;
    return this.docTerms.view().subarray(this.termStart.at(doc), end);
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
    }
    return id;
  }
}
