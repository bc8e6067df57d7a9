import { stemmer } from 'stemmer';
import { words } from './text-terms.js';

/** Size of the hashed feature space: large enough that collisions are rare for a 50k-entry KB. */
export const FEATURE_BUCKETS = 1 << 20;

/** FNV-1a: a cheap, stable string hash, so features need no vocabulary table. */
function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0) % FEATURE_BUCKETS;
}

/**
 * The hashed features of a message, each once: stemmed words (function words included, because
 * "thanks", "hello" or "who" carry the intent of short messages), word pairs (word order:
 * "card stolen" vs "stolen card" mean the same, "top up" vs "up top" do not) and character 4-grams of
 * the longer words, which let a typo ("refnd", "cancelation") still meet its correct spelling.
 */
export function textFeatures(text: string): number[] {
  const stems = words(text).map((w) => stemmer(w));
  const out = new Set<number>();
  stems.forEach((s, i) => {
    out.add(hash(`w:${s}`));
    if (i > 0) out.add(hash(`b:${stems[i - 1]} ${s}`));
    if (s.length >= 5) for (let k = 0; k + 4 <= s.length + 2; k++) out.add(hash(`c:${` ${s} `.slice(k, k + 4)}`));
  });
  return [...out];
}
