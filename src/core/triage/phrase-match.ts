import { words } from './text-terms.js';

const NEGATORS = new Set(['not', 'no', 'never', 'without', 'nothing', 'dont', 'doesnt', 'didnt', 'isnt', 'arent', 'wasnt', 'cant', 'cannot', 'wont', 'nor']);

/** A phrase list compiled to word sequences, matched on word boundaries ("hell" never matches "hello"). */
export class PhraseSet {
  private readonly phrases: string[][];

  constructor(phrases: readonly string[]) {
    this.phrases = phrases.map((p) => words(p)).filter((p) => p.length > 0);
  }

  /** Positions (word index of the phrase start) where a phrase occurs and is not negated. */
  affirmedHits(tokens: readonly string[]): number[] {
    const hits: number[] = [];
    for (let i = 0; i < tokens.length; i++) {
      if (this.phrases.some((p) => startsAt(tokens, i, p)) && !negatedAt(tokens, i)) hits.push(i);
    }
    return hits;
  }
}

function startsAt(tokens: readonly string[], i: number, phrase: readonly string[]): boolean {
  return phrase.every((w, k) => tokens[i + k] === w);
}

/** "not urgent", "no need to talk to someone": a negator within the three words before the phrase. */
export function negatedAt(tokens: readonly string[], i: number): boolean {
  for (let k = Math.max(0, i - 3); k < i; k++) if (NEGATORS.has(tokens[k]!)) return true;
  return false;
}
