import { LruCache } from '../triage/lru-cache.js';
import { isEnglishWord, nlp } from './english.js';

/** Capitalised words in a row, in any script: where a full name stands ("Ask Jürgen Weiß"). */
const NAME_WORD = String.raw`\p{Lu}[\p{Ll}\p{M}]+(?:[-'’]\p{Lu}?[\p{Ll}\p{M}]+)*`;
const CAPITALISED_RUN = new RegExp(String.raw`(?<![\p{L}\p{M}'’-])${NAME_WORD}(?: ${NAME_WORD}){1,5}(?![\p{L}\p{M}'’-])`, 'gu');
const notEnglish = (word: string) => word.toLowerCase().split(/[-'’]+/).every((w) => !isEnglishWord(w));

/** The stretches of two or three words of a capitalised run that are no English words: "Jürgen Weiß" of "Ask Jürgen Weiß". */
function unknownNames(run: string): string[] {
  const names: string[] = [];
  let stretch: string[] = [];
  for (const word of [...run.split(' '), '']) {
    if (word !== '' && notEnglish(word)) stretch.push(word);
    else {
      if (stretch.length >= 2 && stretch.length <= 3) names.push(stretch.join(' '));
      stretch = [];
    }
  }
  return names;
}
const TRAILING_PUNCTUATION = /[\s,.;:!?)]+$/;

/** Texts already read: the guard looks at the same candidate answers and titles again and again, and parsing is its cost. */
const found = new LruCache<string[]>(2000);

/**
 * People's names in a text: those the English model knows as people ("Dmitri Ivanov", "María José"),
 * and full names of no English words ("Åsa Lindqvist", "Priya Raghunathan"): two or three capitalised
 * words none of which is in the model's lexicon or an English spelling list. Product names and screen
 * labels ("Google Pay", "Payment Methods") hold at least one English word.
 */
export function personNames(text: string): string[] {
  const known = found.get(text);
  if (known) return known;
  const names = parse(text);
  found.set(text, names);
  return names;
}

function parse(text: string): string[] {
  const unknownRuns = [...text.matchAll(CAPITALISED_RUN)].flatMap((m) => unknownNames(m[0]));
  // The model takes some common words for names too ("pay your bill"): a name is written capitalised.
  const people = (nlp(text).people().out('array') as string[]).filter((p) => /^\p{Lu}/u.test(p.trim()));
  const names = [...new Set([...people, ...unknownRuns].map((n) => asWritten(text, n.replace(TRAILING_PUNCTUATION, ''))).filter((n) => n !== ''))];
  // A part of a name found whole is the same person ("Nakamura-Okafor" of "Kalinda Nakamura-Okafor").
  return names.filter((n) => !names.some((m) => m !== n && m.includes(n)));
}

const NAME_CHAR = /[\p{L}\p{M}'’-]/u;

/** The name as the text writes it: whole words (the model parts "Nakamura-Okafor"), without a possessive "'s". */
function asWritten(text: string, name: string): string {
  let start = text.indexOf(name);
  if (start < 0) return name;
  let end = start + name.length;
  while (start > 0 && NAME_CHAR.test(text[start - 1]!)) start--;
  while (end < text.length && NAME_CHAR.test(text[end]!)) end++;
  return text.slice(start, end).replace(/['’]s$/, '');
}
