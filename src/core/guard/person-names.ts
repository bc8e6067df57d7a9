import { lexicon, nlp } from './english.js';

/** Two or three capitalised words in a row: the shape of a full name. */
const CAPITALISED_RUN = '#ProperNoun{2,3}';
const TRAILING_PUNCTUATION = /[\s,.;:!?)]+$/;

interface ParsedTerm {
  text: string;
  normal: string;
}

/**
 * People's names in a text: those the English model knows as people ("Dmitri Ivanov", "María José"),
 * and full names it does not know at all ("Åsa Lindqvist", "Priya Raghunathan"): two or three
 * capitalised words none of which is a word of its lexicon. Product names and screen labels ("Google
 * Pay", "Invoice Details") hold at least one word it knows.
 */
export function personNames(text: string): string[] {
  const doc = nlp(text);
  const known = lexicon();
  const unknownRuns = (doc.match(CAPITALISED_RUN).json() as { terms: ParsedTerm[] }[])
    .filter((run) => run.terms.every((t) => !(t.normal in known) && /^\p{Lu}[\p{L}\p{M}'’-]+$/u.test(t.text.replace(TRAILING_PUNCTUATION, ''))))
    .map((run) => run.terms.map((t) => t.text).join(' '));
  const people = doc.people().out('array') as string[];
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
