import type { HumanRequestPolicy } from '../../config/triage-schema.js';
import { negatedAt, PhraseSet } from './phrase-match.js';
import { words } from './text-terms.js';

/** How far after the verb the person may stand: "talk to a real person", "get me someone from your team". */
const WINDOW = 5;

/**
 * An explicit ask for a person: a verb of contact followed closely by someone to contact, not negated
 * ("no need to talk to anyone"). Questions about the bot itself ("are you a person?") have no such verb.
 */
export class HumanRequestDetector {
  private readonly verbs: PhraseSet;
  private readonly people: PhraseSet;

  constructor(policy: HumanRequestPolicy) {
    this.verbs = new PhraseSet(policy.verbs);
    this.people = new PhraseSet(policy.people);
  }

  detect(text: string): boolean {
    const tokens = words(text);
    const people = this.people.affirmedHits(tokens);
    if (people.length === 0) return false;
    return this.verbs
      .affirmedHits(tokens)
      .some((v) => !negatedAt(tokens, v) && people.some((p) => p > v && p - v <= WINDOW));
  }
}
