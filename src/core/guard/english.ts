import { createRequire } from 'node:module';
import type Nlp from 'compromise';

/**
 * The English model the guard and the span marks parse with (compromise), loaded on first use: it
 * costs about 0.7 s of CPU, which a start does not pay before it serves. Its CommonJS build, so the
 * parse stays synchronous.
 */
let model: typeof Nlp | undefined;

export function nlp(text: string): ReturnType<typeof Nlp> {
  model ??= createRequire(import.meta.url)('compromise') as typeof Nlp;
  return model(text);
}

/** The words the English model knows, lower-case, with their tag: a word not in it is no English word it knows. */
export function lexicon(): Record<string, unknown> {
  model ??= createRequire(import.meta.url)('compromise') as typeof Nlp;
  return (model.model() as { one: { lexicon: Record<string, unknown> } }).one.lexicon;
}

/**
 * The English words of a spelling list (an-array-of-english-words, about 275,000 lower-case words), loaded
 * on first use: a capitalised word in none of them nor the model's lexicon is a name ("Lindqvist"), not a
 * screen label ("Payment Methods"). About 50 MB of memory once loaded; only a text with such a run loads it.
 */
let words: ReadonlySet<string> | undefined;

/** Tags of the model's lexicon that make a word a name, not an English word. */
const NAME_TAGS = new Set(['FirstName', 'LastName', 'MaleName', 'FemaleName', 'Person']);

/** Whether the English model knows a lower-case word as (part of) a person's name ("ben", "mia"). */
export function isNameWord(word: string): boolean {
  return NAME_TAGS.has(String(lexicon()[word]));
}

/** Whether a lower-case word is an English word: in the spelling list, or in the model's lexicon as other than a name. */
export function isEnglishWord(word: string): boolean {
  words ??= new Set(createRequire(import.meta.url)('an-array-of-english-words') as string[]);
  const tag = lexicon()[word];
  return words.has(word) || (tag !== undefined && !NAME_TAGS.has(String(tag)));
}

