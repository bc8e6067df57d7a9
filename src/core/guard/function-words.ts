import { createRequire } from 'node:module';
import { isNameWord } from './english.js';

/** The other languages support teams answer in (the `stopword` package's codes). */
const LANGUAGES = ['deu', 'spa', 'fra', 'por', 'ita', 'nld'] as const;
let words: ReadonlySet<string> | undefined;

/**
 * Whether a word is a function word (article, pronoun, auxiliary, preposition) of German, Spanish,
 * French, Portuguese, Italian or Dutch, by the `stopword` lists, loaded on first use: "Ihr Konto" and
 * "Öffnen Sie Einstellungen" are German capitalised as German writes nouns, not a person's name.
 */
export function isFunctionWord(word: string): boolean {
  // Less those that are names too: Dutch "ben", Italian "mia", German "ernst".
  words ??= new Set(LANGUAGES.flatMap((l) => (createRequire(import.meta.url)('stopword') as Record<string, string[]>)[l] ?? []).filter((w) => !isNameWord(w)));
  return words.has(word.toLowerCase());
}
