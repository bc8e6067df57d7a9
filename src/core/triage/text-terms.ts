import { stemmer } from 'stemmer';

/**
 * Function words carry no topic. Negations are kept out of this list on purpose: the sentiment and
 * human-request detectors read the raw text, and retrieval treats "not" as noise either way.
 */
const STOPWORDS = new Set(
  `a an the and or but if then so to of in on at by for with from into onto about as is am are was were be been being
  do does did doing have has had having i me my mine myself you your yours ya u ur ure we us our they them their he him his she her
  it its this that these those there here what which who whom whose when where why how can could would should will shall
  may might must need want wanna gotta got get help please pls plz tell know let like just also still yet too very really
  some any all each every much many more most other such only own same than up down out over again further once hi hello hey
  thanks thank im ive id youre dont cant wont isnt arent wasnt didnt doesnt havent hasnt not no yes ok okay hmm sorry one thing`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Lower-case words with accents, template placeholders ({{Order Number}}), bare numbers and URLs removed
 * (a pasted link is page context for routing, not words of the question).
 */
export function words(text: string): string[] {
  return text
    .replace(/https?:\/\/\S+/gi, ' ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\{\{[^}]*\}\}/g, ' ')
    .replace(/['\u2019]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0 && !/^\d+$/.test(w));
}

/** Content terms for retrieval: stop words dropped, stemmed, de-duplicated. */
export function contentTerms(text: string): string[] {
  const seen = new Set<string>();
  for (const w of words(text)) {
    if (w.length < 2 || STOPWORDS.has(w)) continue;
    seen.add(stemmer(w));
  }
  return [...seen];
}
