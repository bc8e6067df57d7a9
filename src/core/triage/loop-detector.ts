import type { Turn } from '../model/message.js';
import type { Evidence } from './evidence.js';
import { contentTerms } from './text-terms.js';

export interface LoopSignal {
  loop: boolean;
  /** How many times the customer has now asked this question, the latest message included. */
  askings: number;
}

/** Cosine between the stemmed content words of two messages: catches repeats the KB knows nothing of. */
export function wordOverlap(a: string, b: string): number {
  const ta = new Set(contentTerms(a));
  const tb = new Set(contentTerms(b));
  if (ta.size === 0 || tb.size === 0) return 0;
  let common = 0;
  for (const t of ta) if (tb.has(t)) common++;
  return common / Math.sqrt(ta.size * tb.size);
}

/** Cosine between the topic votes of two messages' KB neighbours: do they land in the same place? */
export function topicOverlap(a: Evidence, b: Evidence): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, v] of a.topics) {
    dot += v * (b.topics.get(k) ?? 0);
    na += v * v;
  }
  for (const v of b.topics.values()) nb += v * v;
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

/**
 * Counts earlier customer messages that ask what the latest one asks, by meaning (same KB topic) or by
 * wording. Rephrasing does not hide a repeat, and two different questions on one subject are not one.
 */
export function detectLoop(
  text: string,
  now: Evidence,
  history: readonly Turn[],
  readEarlier: (text: string) => Evidence,
  opts: { loopAfter: number; wording: number; topics: number },
): LoopSignal {
  let askings = 1;
  for (const turn of history) {
    if (turn.role !== 'customer') continue;
    if (wordOverlap(turn.text, text) >= opts.wording || topicOverlap(readEarlier(turn.text), now) >= opts.topics) askings++;
  }
  return { loop: askings >= opts.loopAfter, askings };
}
