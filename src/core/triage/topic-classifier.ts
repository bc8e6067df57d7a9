import type { RiskTier } from '../model/decision.js';
import type { KnowledgeEntry } from '../ports/knowledge.js';
import { textFeatures } from './text-features.js';

/** One class the classifier tells apart: a topic (intent) of one scope, global or an account's own. */
export interface TopicClass {
  /** The topic tag, or `category:<name>` for taxonomy examples, or the entry id for an untagged entry. */
  key: string;
  account?: string;
  category?: string;
  /** Taught by taxonomy examples only: a category, not a topic the KB can answer. */
  example: boolean;
  /** Entries that state their own tier, by tier: a topic may sit above or below its category's tier. */
  tiers: Record<RiskTier, number>;
  /** How many entries taught it, how many needed a human, how many can be quoted. */
  docs: number;
  needsHuman: number;
  quotable: number;
}

export interface TopicScore {
  cls: TopicClass;
  /** Posterior probability among the classes the account may see. */
  p: number;
}

/** A growable posting list of one hashed feature: which classes hold it, in how many of their entries. */
interface Posting {
  cls: Int32Array;
  n: Float32Array;
  len: number;
  /** Log-likelihood gain per class, once the list is merged; null after new counts. */
  w: Float32Array | null;
}

/** A classifier's counts as they are, for saving it and loading it back (see TopicClassifier.state). */
export interface TopicClassifierState {
  classes: TopicClass[];
  mass: Float64Array;
  /** Feature features[i]'s posting list is cls, n and w over [starts[i], starts[i + 1]). */
  features: Int32Array;
  starts: Int32Array;
  cls: Int32Array;
  n: Float32Array;
  w: Float32Array;
}

/** Smoothing of the word counts: small, so one shared rare word says much, an unseen one little. */
const ALPHA = 0.03;


/**
 * Naive Bayes hears each word several times (the word, its pairs, its character grams: some six features)
 * and treats them and neighbouring words as independent, so its posteriors are far too sure. Dividing
 * the log-likelihoods by about that redundancy lets a runner-up topic keep a say, which is what the
 * high-risk lift and the confidence gate read. (Checked at 4, 6 and 8 by `npm run eval`'s halves.)
 */
const TEMPERATURE = 8;

/** How many classes a reading names: the rest share a sliver of the probability. */
const READING = 20;

/** About how many steps a search of a long posting list takes, against one for each entry walked. */
const SEARCH_COST = 16;

/** Where class c sits in a posting list's sorted classes, or -1. */
function indexOf(cls: Int32Array, len: number, c: number): number {
  let lo = 0;
  let hi = len - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = cls[mid]!;
    if (at === c) return mid;
    if (at < c) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Softmax over the given classes' scores, the `limit` most probable first. */
function softmaxTop(classes: number[], score: Float64Array, limit: number): { c: number; p: number }[] {
  let max = -Infinity;
  for (const c of classes) max = Math.max(max, score[c]!);
  let sum = 0;
  for (const c of classes) sum += Math.exp(score[c]! - max);
  const top = classes.filter((c) => score[c]! - max > -12).map((c) => ({ c, p: Math.exp(score[c]! - max) / sum }));
  return top.sort((a, b) => b.p - a.p).slice(0, limit);
}

/** The class an entry teaches: its topic; untagged taxonomy examples teach their category; anything else is its own. */
export function classKey(e: KnowledgeEntry): string {
  return e.topic ?? (e.kind === 'example' ? `category:${e.category ?? ''}` : e.id);
}

/** The tier a class's own entries state most often, if they state one. */
export function statedTier(cls: TopicClass): RiskTier | undefined {
  const [tier, n] = (Object.entries(cls.tiers) as [RiskTier, number][]).reduce((a, b) => (b[1] > a[1] ? b : a));
  return n > 0 ? tier : undefined;
}

/**
 * Multinomial naive Bayes over hashed word, word-pair and character features, trained incrementally
 * from the knowledge entries (a pass of counting: a 50k KB trains in about a second). It reads the
 * whole message against every topic at once, where nearest-neighbour voting sees only a handful of
 * entries, and it scopes like the index: an account's private entries teach only that account's classes.
 */
export class TopicClassifier {
  private readonly classes: TopicClass[] = [];
  /** Total feature count of each class, the denominator of its word likelihoods. */
  private mass = new Float64Array(64);
  private readonly index = new Map<string, number>();
  private readonly postings = new Map<number, Posting>();
  private score = new Float64Array(64);
  private sums = new Float64Array(64);
  /** Class numbers by scope, ascending: '' holds the global classes, an account id that account's own. */
  private readonly byScope = new Map<string, number[]>();
  /** Posting lists counted into since the last `settle`. */
  private readonly unsettled = new Set<Posting>();

  /** Empty, or as `state()` saved it. */
  constructor(saved?: TopicClassifierState) {
    if (!saved) return;
    for (const cls of saved.classes) this.register(cls);
    this.mass = new Float64Array(Math.max(64, saved.classes.length * 2));
    this.mass.set(saved.mass);
    const { features, starts, cls, n, w } = saved;
    features.forEach((f, i) => {
      const [from, to] = [starts[i]!, starts[i + 1]!];
      this.postings.set(f, { cls: cls.subarray(from, to), n: n.subarray(from, to), len: to - from, w: w.subarray(from, to) });
    });
  }

  /** Every count, settled, as it is now (copies: the classifier goes on learning). */
  state(): TopicClassifierState {
    this.settle();
    const lists = [...this.postings];
    const starts = new Int32Array(lists.length + 1);
    lists.forEach(([, p], i) => {
      starts[i + 1] = starts[i]! + p.len;
    });
    const total = starts[lists.length]!;
    const [cls, n, w] = [new Int32Array(total), new Float32Array(total), new Float32Array(total)];
    lists.forEach(([, p], i) => {
      const weights = p.w ?? this.compact(p);
      cls.set(p.cls.subarray(0, p.len), starts[i]);
      n.set(p.n.subarray(0, p.len), starts[i]);
      w.set(weights, starts[i]);
    });
    return { classes: this.classes.map((c) => ({ ...c, tiers: { ...c.tiers } })), mass: this.mass.slice(0, this.classes.length), features: Int32Array.from(lists, ([f]) => f), starts, cls, n, w };
  }

  get size(): number {
    return this.classes.length;
  }

  add(entry: KnowledgeEntry): void {
    const c = this.classOf(entry);
    const cls = this.classes[c]!;
    cls.docs++;
    if (entry.needsHuman) cls.needsHuman++;
    if (entry.risk) cls.tiers[entry.risk]++;
    if (entry.answer !== undefined && entry.answer.trim() !== '' && !entry.needsHuman) cls.quotable++;
    cls.category ??= entry.category;
    const features = textFeatures(entry.question);
    this.mass[c]! += features.length;
    for (const f of features) this.count(f, c);
  }

  /**
   * Merges the repeated classes of every posting list counted into since the last call (entries of one
   * class that arrived apart) and precomputes each class's gain, log((n + a) / a). Done after a batch of
   * entries, so that no question pays for merging lists a large import left behind.
   */
  settle(): void {
    for (const p of this.unsettled) this.compact(p);
    this.unsettled.clear();
  }

  /**
   * Posterior over the classes the account may see, the 20 likeliest first. Empty when no feature is
   * known. `filedOnly`: among the classes filed under a category only, what the text says of its category.
   */
  classify(text: string, accountId: string, { filedOnly = false }: { filedOnly?: boolean } = {}): TopicScore[] {
    const features = textFeatures(text).filter((f) => this.postings.has(f));
    if (features.length === 0 || this.classes.length === 0) return [];
    const seen = this.visibleTo(accountId);
    const visible = filedOnly ? seen.filter((c) => this.classes[c]!.category !== undefined) : seen;
    const score = this.likelihoods(features, visible);
    const norm = Math.log(ALPHA * this.postings.size);
    for (const c of visible) score[c] = (score[c]! - features.length * (Math.log(this.mass[c]! + ALPHA * this.postings.size) - norm)) / TEMPERATURE;
    return softmaxTop(visible, score, READING).map(({ c, p }) => ({ cls: this.classes[c]!, p }));
  }

  /** The global classes and the account's own, ascending: a large KB's classes are mostly other accounts'. */
  private visibleTo(accountId: string): number[] {
    const global = this.byScope.get('') ?? [];
    const own = accountId === '' ? [] : (this.byScope.get(accountId) ?? []);
    const merged: number[] = [];
    let i = 0;
    let j = 0;
    while (i < global.length || j < own.length) merged.push(j >= own.length || (i < global.length && global[i]! < own[j]!) ? global[i++]! : own[j++]!);
    return merged;
  }

  /**
   * Per visible class, the log-likelihood gain of the message's features over an unseen feature. A
   * feature's posting list is walked when it is short; a long one (a common word held by the classes of
   * every account) is searched for the visible classes instead, so a query costs what the account sees.
   */
  private likelihoods(features: number[], visible: number[]): Float64Array {
    const n = this.classes.length;
    if (this.score.length < n) this.score = new Float64Array(this.mass.length);
    const score = this.score;
    score.fill(0, 0, n);
    for (const f of features) {
      const p = this.postings.get(f)!;
      const w = p.w ?? this.compact(p);
      if (p.len <= visible.length * SEARCH_COST) {
        for (let i = 0; i < p.len; i++) score[p.cls[i]!]! += w[i]!;
        continue;
      }
      for (const c of visible) {
        const i = indexOf(p.cls, p.len, c);
        if (i >= 0) score[c]! += w[i]!;
      }
    }
    return score;
  }

  private classOf(entry: KnowledgeEntry): number {
    const id = `${entry.account ?? ''}\u0000${classKey(entry)}`;
    let c = this.index.get(id);
    if (c === undefined) {
      c = this.register({ key: classKey(entry), ...(entry.account ? { account: entry.account } : {}), example: entry.kind === 'example' && entry.topic === undefined, tiers: { low: 0, medium: 0, high: 0 }, docs: 0, needsHuman: 0, quotable: 0 });
      if (c >= this.mass.length) {
        const grown = new Float64Array(this.mass.length * 2);
        grown.set(this.mass);
        this.mass = grown;
      }
    }
    return c;
  }

  /** Numbers a new class and files it under its scope. */
  private register(cls: TopicClass): number {
    const c = this.classes.length;
    this.classes.push(cls);
    this.index.set(`${cls.account ?? ''}\u0000${cls.key}`, c);
    const scope = cls.account || '';
    const own = this.byScope.get(scope);
    if (own) own.push(c);
    else this.byScope.set(scope, [c]);
    return c;
  }

  /** One posting list merged by class, in class order; `sums` is all zeros between calls. */
  private compact(p: Posting): Float32Array {
    if (this.sums.length < this.classes.length) this.sums = new Float64Array(this.mass.length);
    const sums = this.sums;
    const seen: number[] = [];
    for (let i = 0; i < p.len; i++) {
      const c = p.cls[i]!;
      if (sums[c] === 0) seen.push(c);
      sums[c]! += p.n[i]!;
    }
    const cls = Int32Array.from(seen).sort();
    const n = new Float32Array(cls.length);
    const w = new Float32Array(cls.length);
    cls.forEach((c, i) => {
      n[i] = sums[c]!;
      w[i] = Math.log((n[i]! + ALPHA) / ALPHA);
      sums[c] = 0;
    });
    Object.assign(p, { cls, n, len: cls.length, w });
    this.unsettled.delete(p);
    return w;
  }

  /** Counts one more entry of class c holding feature f; entries of a class mostly arrive together. */
  private count(f: number, c: number): void {
    let p = this.postings.get(f);
    if (!p) {
      p = { cls: new Int32Array(2), n: new Float32Array(2), len: 0, w: null };
      this.postings.set(f, p);
    }
    p.w = null;
    this.unsettled.add(p);
    if (p.len > 0 && p.cls[p.len - 1] === c) {
      p.n[p.len - 1]!++;
      return;
    }
    if (p.len === p.cls.length) {
      const cls = new Int32Array(p.len * 2);
      const n = new Float32Array(p.len * 2);
      cls.set(p.cls);
      n.set(p.n);
      [p.cls, p.n] = [cls, n];
    }
    p.cls[p.len] = c;
    p.n[p.len++] = 1;
  }
}
