import type { KnowledgeEntry } from '../src/core/ports/knowledge.js';

const OPENERS = ['', 'hi, ', 'hello team, ', 'quick question: ', 'we noticed that ', 'our admin asks: '];
const CLOSERS = ['', ' thanks', ' please advise', ' for our workspace', ' in the new plan', ' since yesterday'];

/** Deterministic pseudo-random numbers, so every bench run sees the same KB. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * A KB of `size` resolved conversations made from the dev KB with variations: framings around the
 * question, a word dropped or swapped, ids spread over accounts (a third global, the rest private).
 */
export function synthesizeKb(seedEntries: KnowledgeEntry[], size: number): KnowledgeEntry[] {
  const rand = rng(size);
  const out: KnowledgeEntry[] = [];
  for (let i = 0; i < size; i++) {
    const base = seedEntries[i % seedEntries.length]!;
    const words = base.question.split(/\s+/);
    if (words.length > 4 && rand() < 0.5) words.splice(Math.floor(rand() * words.length), 1);
    if (words.length > 3 && rand() < 0.3) {
      const k = Math.floor(rand() * (words.length - 1));
      [words[k], words[k + 1]] = [words[k + 1]!, words[k]!];
    }
    const question = `${OPENERS[Math.floor(rand() * OPENERS.length)]}${words.join(' ')}${CLOSERS[Math.floor(rand() * CLOSERS.length)]}`;
    const account = rand() < 0.33 ? undefined : `acct-${Math.floor(rand() * 200)}`;
    out.push({ ...base, id: `${base.id}~${i}`, question, ...(account ? { account } : {}) });
  }
  return out;
}
