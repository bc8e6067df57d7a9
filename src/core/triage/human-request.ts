import { stemmer } from 'stemmer';
import type { HumanRequestPolicy } from '../../config/triage-schema.js';
import { negatedAt, PhraseSet } from './phrase-match.js';
import { words } from './text-terms.js';

/** How far after the verb the person may stand: "talk to a real person", "get me someone from your team". */
const WINDOW = 5;
const FIRST_PERSON = new Set(['me', 'us']);
/** Asking when a person can be reached ("what hours can I call customer service") asks for the hours, not for a person. */
const WHEN = new Set(['when', 'hour', 'time', 'open']);

/** Words in their stem, so that any inflection counts: "talking to a person", "speaks", "representatives". */
const stems = (text: string) => words(text).map((w) => stemmer(w));
const stemmed = (phrases: readonly string[]) => phrases.map((p) => stems(p).join(' '));

/** What the detector found: whether a person was asked for, and the words after the request (its topic). */
export interface HumanRequest {
  asked: boolean;
  /** "can I talk to a human about a data breach we suspect" -> "about a data breach we suspect". */
  about: string;
}

/**
 * An explicit ask for a person: a verb followed closely by someone to reach, not negated ("no need to
 * talk to anyone"). A verb of speech ("talk", "speak") goes with anyone; a verb that also means other
 * things ("get", "connect", "reach") needs an unmistakable person ("a human") or "me"/"us" right after
 * it ("get me someone"), so "how do I get someone invited?" stays a how-to question, and a question of
 * when to call ("what hours can I call customer service?") is not an ask either.
 */
export class HumanRequestDetector {
  private readonly verbs: PhraseSet;
  private readonly contactVerbs: PhraseSet;
  private readonly people: PhraseSet;
  private readonly maybePeople: PhraseSet;

  constructor(policy: HumanRequestPolicy) {
    this.verbs = new PhraseSet(stemmed(policy.verbs));
    this.contactVerbs = new PhraseSet(stemmed(policy.contact_verbs));
    this.people = new PhraseSet(stemmed(policy.people));
    this.maybePeople = new PhraseSet(stemmed(policy.maybe_people));
  }

  detect(text: string): boolean {
    return this.read(text).asked;
  }

  read(text: string): HumanRequest {
    const raw = words(text);
    const tokens = stems(text);
    const sure = this.people.affirmedHits(tokens);
    const maybe = this.maybePeople.affirmedHits(tokens);
    const none = { asked: false, about: '' };
    if (sure.length === 0 && maybe.length === 0) return none;
    const near = (v: number, hits: number[]) => hits.find((p) => p > v && p - v <= WINDOW);
    const askedFor = (verbs: number[], person: (v: number) => number | undefined) => {
      for (const v of verbs) {
        const p = negatedAt(tokens, v) ? undefined : person(v);
        if (p !== undefined) return p;
      }
      return undefined;
    };
    const bySpeech = askedFor(this.verbs.affirmedHits(tokens), (v) => near(v, sure) ?? near(v, maybe));
    const byContact = askedFor(
      this.contactVerbs.affirmedHits(tokens).filter((v) => !tokens.slice(Math.max(0, v - 6), v).some((t) => WHEN.has(t))),
      (v) => near(v, sure) ?? (FIRST_PERSON.has(tokens[v + 1] ?? '') ? near(v, maybe) : undefined),
    );
    const person = bySpeech ?? byContact;
    return person === undefined ? none : { asked: true, about: raw.slice(person + 1).join(' ') };
  }
}
