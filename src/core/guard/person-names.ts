import { LruCache } from '../triage/lru-cache.js';
import { isEnglishWord, nlp } from './english.js';
import { isFunctionWord } from './function-words.js';
import { withoutScreenLabels } from './screen-labels.js';

/** Capitalised words in a row, in any script: where a full name stands ("Ask Jürgen Weiß"). */
const NAME_WORD = String.raw`\p{Lu}[\p{Ll}\p{M}]+(?:[-'’]\p{Lu}?[\p{Ll}\p{M}]+)*`;
const CAPITALISED_RUN = new RegExp(String.raw`(?<![\p{L}\p{M}'’-])${NAME_WORD}(?: ${NAME_WORD}){1,5}(?![\p{L}\p{M}'’-])`, 'gu');
/** A word of no English and no other language's function word ("Sie", "Ihr"): what may be a name. */
const notEnglish = (word: string) => !isFunctionWord(word) && word.toLowerCase().split(/[-'’]+/).every((w) => !isEnglishWord(w));

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
const TRAILING_PUNCTUATION = /[\s,.;:!?)"”]+$/;

/** One capitalised word: a first name alone ("Svetlana"). */
const SINGLE_WORD = new RegExp(String.raw`(?<![\p{L}\p{M}'’-])${NAME_WORD}(?![\p{L}\p{M}'’-])`, 'gu');
/**
 * Words that speak of a person just before one: "check with", "ask", "contact", "cc", "thanks to".
 * (Redaction takes the names after greetings and thanks: "Hi Nora", "Danke Jürgen".)
 */
const PERSON_BEFORE = /\b(?:ask(?:ed)?|check(?:ed)? with|(?:speak|talk|chat|meet)(?:s|ing|ed)? (?:with|to)|spoke (?:with|to)|reach(?:ed)? out to|contact(?:ed)?|cc(?:['’]d|['’]ing)?:?|thanks to|ping(?:ed)?|tell|told|per|according to)[ \t]+$/i;
/** Nouns that make the word before them a product's or a company's name: "Shopify support", "Hubspot docs". */
const PRODUCT_AFTER = /^[ \t]+(?:support|docs|documentation|help|admins?|accounts?|apps?|api|integrations?|dashboard|settings|portal|console|plans?|workspaces?|connectors?|plugins?|add-ons?|status|login|instances?|tenants?|servers?|clusters?|caching|sync|exports?|imports?)\b/i;
/** How far around a word its cues are looked for: the longest of them, and room to spare. */
const CUE_REACH = 40;
/** Groups of the team a person is in: "Priya in billing", "Svetlana from support". */
const TEAMS = String.raw`(?:the |our )?(?:billing|finance|support|sales|accounts?|accounting|legal|engineering|onboarding|success|security|operations|ops|IT|HR|team)\b`;
/** What a person will do, not a product: "Svetlana will follow up", not "Zendesk will import your macros". */
const PERSON_DOES = '(?:follow up|get back|reach out|be in touch|call|ring|phone|contact|email|reply|respond|write|look into|handle|take over|help|review|approve|decide|join|be (?:out|away|back|off|on leave))';
/**
 * Words that speak of a person just after one: "Svetlana will follow up", "Priya has confirmed",
 * "Priya's team", "Priya in billing". Not "is" or "has" alone: "Redis is away" speaks of a product.
 */
const PERSON_AFTER = new RegExp(String.raw`^(?:[ \t]+(?:will[ \t]+${PERSON_DOES}|(?:(?:has|had|is|was)[ \t]+)?(?:said|says|mentioned|confirmed|approved|agreed|promised|asked|wrote|written|replied|on leave|out of office|looking into|handling))\b|['’]s[ \t]+team\b|[ \t]+(?:from|in|on|at)[ \t]+${TEAMS})`, 'i');

/** Texts already read: the guard looks at the same candidate answers and titles again and again, and parsing is its cost. */
const found = new LruCache<string[]>(2000);

/**
 * People's names in a text: those the English model knows as people ("Dmitri Ivanov", "María José"),
 * full names of no English words ("Åsa Lindqvist", "Priya Raghunathan"): two or three capitalised
 * words none of which is in the model's lexicon or an English spelling list, and a first name alone
 * where the words around it speak of a person ("check with Svetlana", "Svetlana will follow up", "ask
 * Priya in billing"). Product names and screen labels ("Google Pay", "Payment Methods") hold at least
 * one English word; a product's own name stands where no person is spoken of ("open Looker").
 */
export function personNames(text: string): string[] {
  const known = found.get(text);
  if (known) return known;
  const names = parse(withoutScreenLabels(text));
  found.set(text, names);
  return names;
}

/** A capitalised word of no English where the text speaks of a person: "check with Svetlana", "Priya will follow up". */
function firstNames(text: string): string[] {
  return [...text.matchAll(SINGLE_WORD)].flatMap((m) => {
    const name = m[0].replace(/['’]s$/, '');
    const end = m.index + name.length;
    const after = text.slice(end, end + CUE_REACH);
    const spoken = !PRODUCT_AFTER.test(after) && (PERSON_BEFORE.test(text.slice(Math.max(0, m.index - CUE_REACH), m.index)) || PERSON_AFTER.test(after));
    // Two letters are an abbreviation ("Cx was angry"), seldom a first name.
    return spoken && name.length > 2 && notEnglish(name) ? [name] : [];
  });
}

function parse(text: string): string[] {
  const unknown = [...[...text.matchAll(CAPITALISED_RUN)].flatMap((m) => unknownNames(m[0])), ...firstNames(text)];
  // The model takes some common words for names too ("pay your bill"): a name is written capitalised.
  // It reads other languages' capitalised function words as names too ("Ihnen", "Öffnen Sie Einstellungen").
  const people = (nlp(text).people().out('array') as string[])
    .map((p) => p.replace(TRAILING_PUNCTUATION, '').trim())
    .filter((p) => /^\p{Lu}/u.test(p) && !p.split(/\s+/).some((w) => /^\p{Lu}/u.test(w) && isFunctionWord(w)));
  const names = [...new Set([...people, ...unknown].map((n) => asWritten(text, n.replace(TRAILING_PUNCTUATION, ''))).filter((n) => n !== ''))];
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
