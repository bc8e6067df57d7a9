import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';
import Sentiment from 'sentiment';
import { stemmer } from 'stemmer';
import type { SentimentPolicy } from '../../config/triage-schema.js';
import type { SentimentSignal } from '../model/decision.js';
import type { Turn } from '../model/message.js';
import { LruCache } from './lru-cache.js';
import { PhraseSet } from './phrase-match.js';
import { words } from './text-terms.js';

/** What one message says on its own, before the conversation's history is weighed in. */
interface MessageTone {
  valence: number;
  frustration: number;
  urgency: number;
  distress: number;
}

const clamp = (x: number) => Math.max(0, Math.min(1, x));

/**
 * Graded tone from two well-kept libraries (AFINN-165 valence with its negation handling via `sentiment`,
 * profanity via `obscenity`) plus cue phrases from the policy, each negation-aware, and shouting.
 * The history counts: a customer who was already negative earlier reads as more frustrated now.
 */
export class SentimentAnalyzer {
  private readonly afinn = new Sentiment();
  private readonly profanity = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
  private readonly expletives: PhraseSet;
  private readonly frustrationCues: PhraseSet;
  private readonly urgencyCues: PhraseSet;
  private readonly distressCues: PhraseSet;
  /** Tones already read: a thread's earlier turns are read again at every new turn. */
  private readonly tones = new LruCache<MessageTone>(512);

  constructor(private readonly policy: SentimentPolicy) {
    this.expletives = new PhraseSet(policy.expletives);
    this.frustrationCues = new PhraseSet(policy.frustration_cues);
    this.urgencyCues = new PhraseSet(policy.urgency_cues);
    // Matched on word stems: "scared", "scary" and "scares" are one cue of fear.
    this.distressCues = new PhraseSet(policy.distress_cues.map((c) => words(c).map((w) => stemmer(w)).join(' ')));
  }

  analyze(text: string, history: readonly Turn[] = []): SentimentSignal {
    const now = this.tone(text);
    const earlier = history.filter((t) => t.role === 'customer').slice(-3).map((t) => this.tone(t.text));
    // Earlier frustration decays but does not vanish: the customer is still in the same conversation.
    const carried = earlier.reduce((m, t) => Math.max(m, t.frustration * 0.5, t.valence < this.policy.negative_below ? 0.2 : 0), 0);
    const frustration = clamp(now.frustration + carried * (1 - now.frustration));
    const label = now.valence < this.policy.negative_below || frustration >= this.policy.frustrated_at ? 'negative' : now.valence > 0.4 ? 'positive' : 'neutral';
    return { label, frustration, urgency: now.urgency, distress: now.distress };
  }

  private tone(text: string): MessageTone {
    const known = this.tones.get(text);
    if (known !== undefined) return known;
    const tone = this.read(text);
    this.tones.set(text, tone);
    return tone;
  }

  private read(text: string): MessageTone {
    const tokens = words(text);
    const scored = this.afinn.analyze(text);
    const valence = scored.comparative;
    const profane = this.profanity.hasMatch(text) || this.expletives.affirmedHits(tokens).length > 0;
    const shout = shouting(text);
    const exclaim = /[!?]{2,}/.test(text) ? 1 : 0;
    const anger = clamp(-Math.min(0, scored.score) / 6);
    const cues = this.frustrationCues.affirmedHits(tokens).length;
    const frustration = clamp((profane ? 0.7 : 0) + 0.3 * anger + 0.35 * Math.min(cues, 2) + 0.3 * shout + 0.2 * exclaim);
    const urgency = clamp(0.55 * this.urgencyCues.affirmedHits(tokens).length + 0.25 * shout + 0.1 * exclaim);
    // One cue of fear or despair is enough ("I'm desperate"); a very negative message without one only leans that way.
    const distress = clamp(0.6 * this.distressCues.affirmedHits(tokens.map((w) => stemmer(w))).length + (valence < -0.5 ? 0.25 : 0));
    return { valence, frustration, urgency, distress };
  }
}

/** Share of the letters that stand in all-caps words of three letters or more ("WHY IS THIS BROKEN"). */
function shouting(text: string): number {
  const capsWords = text.match(/\b[A-Z]{3,}\b/g) ?? [];
  const allWords = text.match(/\b[A-Za-z]{3,}\b/g) ?? [];
  if (allWords.length < 2) return 0;
  const share = capsWords.length / allWords.length;
  return share >= 0.5 ? 1 : share >= 0.25 ? 0.5 : 0;
}
