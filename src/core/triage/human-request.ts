import type { HumanRequestPolicy } from '../../config/triage-schema.js';
import { negatedAt, PhraseSet } from './phrase-match.js';
import { words } from './text-terms.js';

/** How far after the verb the person may stand: "talk to a real person", "get me someone from your team". */
const WINDOW = 5;
const FIRST_PERSON = new Set(['me', 'us']);

/**
 * An explicit ask for a person: a verb followed closely by someone to reach, not negated ("no need to
 * talk to anyone"). A verb of speech ("talk", "speak") goes with anyone; a verb that also means other
 * things ("get", "connect", "reach") needs an unmistakable person ("a human") or "me"/"us" right after
 * it ("get me someone"), so "how do I get someone invited?" stays a how-to question.
 */
export class HumanRequestDetector {
  private readonly verbs: PhraseSet;
  private readonly contactVerbs: PhraseSet;
  private readonly people: PhraseSet;
  private readonly maybePeople: PhraseSet;

  constructor(policy: HumanRequestPolicy) {
    this.verbs = new PhraseSet(policy.verbs);
    this.contactVerbs = new PhraseSet(policy.contact_verbs);
    this.people = new PhraseSet(policy.people);
    this.maybePeople = new PhraseSet(policy.maybe_people);
  }

  detect(text: string): boolean {
    const tokens = words(text);
    const sure = this.people.affirmedHits(tokens);
    const maybe = this.maybePeople.affirmedHits(tokens);
    if (sure.length === 0 && maybe.length === 0) return false;
    const near = (v: number, hits: number[]) => hits.some((p) => p > v && p - v <= WINDOW);
    const asks = (verbs: number[], ok: (v: number) => boolean) => verbs.some((v) => !negatedAt(tokens, v) && ok(v));
    return (
      asks(this.verbs.affirmedHits(tokens), (v) => near(v, sure) || near(v, maybe)) ||
      asks(this.contactVerbs.affirmedHits(tokens), (v) => near(v, sure) || (FIRST_PERSON.has(tokens[v + 1] ?? '') && near(v, maybe)))
    );
  }
}
