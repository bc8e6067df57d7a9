import { GLOBAL_SCOPE } from './inverted-index.js';

/**
 * The documents of one topic by scope (global, each account's own), each list in the order they were
 * added. A topic of a large KB holds thousands of entries, most of them other accounts': an account's
 * view is its own list merged with the global one, read lazily, so a caller wanting the first few pays
 * for those few.
 */
export class ScopedDocs {
  private readonly byScope: Map<number, number[]>;

  /** Empty, or the lists `state()` saved. */
  constructor(saved: [number, Int32Array][] = []) {
    this.byScope = new Map(saved.map(([scope, docs]) => [scope, Array.from(docs)]));
  }

  state(): [number, Int32Array][] {
    return [...this.byScope].map(([scope, docs]) => [scope, Int32Array.from(docs)]);
  }

  add(scope: number, doc: number): void {
    const docs = this.byScope.get(scope);
    if (docs) docs.push(doc);
    else this.byScope.set(scope, [doc]);
  }

  remove(scope: number, doc: number): void {
    const docs = this.byScope.get(scope);
    const at = docs?.indexOf(doc) ?? -1;
    if (at >= 0) docs!.splice(at, 1);
  }

  /** The global documents and the scope's own, in the order they were added. */
  *visible(scope: number): Generator<number> {
    const global = this.byScope.get(GLOBAL_SCOPE) ?? [];
    const own = scope === GLOBAL_SCOPE ? [] : (this.byScope.get(scope) ?? []);
    let i = 0;
    let j = 0;
    while (i < global.length || j < own.length) {
      if (j >= own.length || (i < global.length && global[i]! < own[j]!)) yield global[i++]!;
      else yield own[j++]!;
    }
  }
}
