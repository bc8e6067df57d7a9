import { lexicon, nlp } from './english.js';

/** Two or three capitalised words in a row, in any script: the shape of a full name. */
const NAME_WORD = String.raw`\p{Lu}[\p{Ll}\p{M}]+(?:[-'’]\p{Lu}?[\p{Ll}\p{M}]+)*`;
const CAPITALISED_RUN = new RegExp(String.raw`(?<![\p{L}\p{M}'’-])${NAME_WORD}(?: ${NAME_WORD}){1,2}(?![\p{L}\p{M}'’-])`, 'gu');
const TRAILING_PUNCTUATION = /[\s,.;:!?)]+$/;

/**
 * People's names in a text: those the English model knows as people ("Dmitri Ivanov", "María José"),
 * and full names it does not know at all ("Åsa Lindqvist", "Priya Raghunathan"): two or three
 * capitalised words none of which is a word of its lexicon. Product names and screen labels ("Google
 * Pay", "Invoice Details") hold at least one word it knows.
 */
export function personNames(text: string): string[] {
  const known = lexicon();
  const unknownRuns = [...text.matchAll(CAPITALISED_RUN)].map((m) => m[0]).filter((run) => run.toLowerCase().split(/[ \-'’]+/).every((w) => !(w in known)));
  const people = nlp(text).people().out('array') as string[];
  return [...new Set([...people, ...unknownRuns].map((n) => asWritten(text, n.replace(TRAILING_PUNCTUATION, ''))).filter((n) => n !== ''))];
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
