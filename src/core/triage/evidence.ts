import type { TriagePolicy } from '../../config/triage-schema.js';
import type { RiskTier } from '../model/decision.js';
import type { KnowledgeEntry, KnowledgeHit, KnowledgeIndex, Reader } from '../ports/knowledge.js';
import { rememberedEvidence } from './evidence-cache.js';
import type { TopicBook } from '../policy/topic-policy.js';
import { contentTerms, words } from './text-terms.js';
import { statedTier, type TopicClassifier, type TopicScore } from './topic-classifier.js';

/** What the knowledge says about a message: the ground for category, risk, complexity and answers. */
export interface Evidence {
  /** The nearest entries the account may see, for quoting and citing. */
  hits: KnowledgeHit[];
  /** Similarity of the closest entry, 0 when nothing matched. */
  best: number;
  category: string;
  /** Probability of `category`: the summed probability of its topics. */
  categoryShare: number;
  /** The topic (intent) the classifier recognises, if it is one the KB knows (not a bare category). */
  topic?: string;
  /** Probability of `topic`. */
  topicShare: number;
  /** Similarity of the closest entry on that topic. */
  topicBest: number;
  /** The topic posterior: what the message is about, as the KB sees it. */
  topics: Map<string, number>;
  /** Probability that the message belongs to a topic that needed a human: hidden complexity. */
  humanShare: number;
  /** Probability that the message belongs to a high-risk topic. */
  highRiskShare: number;
  /** Probability that the message belongs to a topic the policy always hands to a person. */
  escalateShare: number;
  /** The tier the recognised topic's entries state, when they state one. */
  tier?: RiskTier;
  /** The likeliest KB topics, each a reading the customer may have meant, most probable first. */
  readings: TopicReading[];
}

/** One topic the message may be about, with what the evidence would be if the customer meant it. */
export interface TopicReading {
  topic: string;
  category: string;
  /** Probability among the KB topics. */
  share: number;
  /** Similarity of the closest entry on the topic. */
  best: number;
  tier?: RiskTier;
  stated?: RiskTier;
  /** Share of the topic's past tickets that needed a person. */
  needsHuman: number;
  alwaysEscalate: boolean;
}

/** How many readings are kept: a clarifying question offers two, a choice may name any of these. */
const READINGS = 4;

export type CategoryRisk = (category: string | undefined) => RiskTier | undefined;

/**
 * The topic an entry stands for: its tag, or itself when untagged (a doc section is its own topic); an
 * untagged taxonomy example teaches a category, no topic. The classifier's classes, the readings and the
 * index's topic look-up all go by this one key.
 */
export function entryTopic(entry: KnowledgeEntry): string | undefined {
  return entry.topic ?? (entry.kind === 'example' ? undefined : entry.id);
}

/** What a hit stands for as a topic (see entryTopic). */
export function topicKey(h: KnowledgeHit): string | undefined {
  return entryTopic(h.entry);
}

export interface KnowledgeReader {
  index: KnowledgeIndex;
  classifier: TopicClassifier;
  /** The policy's topics, with their tiers and always-escalate flags. */
  topics?: TopicBook;
}

/** Summed probability per category, most probable first. */
function categoryPosterior(reading: TopicScore[]): [string, number][] {
  const totals = new Map<string, number>();
  for (const s of reading) if (s.cls.category) totals.set(s.cls.category, (totals.get(s.cls.category) ?? 0) + s.p);
  return [...totals].sort((a, b) => b[1] - a[1]);
}

/**
 * Greetings and thanks are short; a long message that opens with "hi" is a question. So the smalltalk
 * categories count only for short messages, and a short greeting counts even when no KB entry resembles it.
 */
function pickCategory(reading: TopicScore[], text: string, triage: TriagePolicy, best: number): { category: string; share: number } {
  const isSmalltalk = (c: string) => triage.smalltalk.categories.includes(c);
  const short = words(text).length <= triage.smalltalk.max_words;
  // A message without a single content word ("hi!", "ok") says too little for the category sums,
  // which favour categories with many topics: the single likeliest class decides instead.
  const top = reading[0]?.cls.category;
  if (top && isSmalltalk(top) && contentTerms(text).length === 0) return { category: top, share: reading[0]!.p };
  const ranked = categoryPosterior(reading).filter(([c]) => short || !isSmalltalk(c));
  const [category, share] = ranked[0] ?? [triage.unknown_category, 0];
  if (isSmalltalk(category) || best >= triage.unknown_below) return { category, share };
  return { category: triage.unknown_category, share: 0 };
}

/**
 * Reads a message against the knowledge: the classifier says which topic and category it belongs to,
 * with what probability, and the index finds the nearest entries to quote and how close they come.
 * When nothing in the taxonomy or the KB comes close, the message is out of scope. The reader decides
 * which articles count: a staff reading (a copilot draft) finds internal ones too, a customer's never.
 */
export function gatherEvidence(kb: KnowledgeReader, text: string, accountId: string, triage: TriagePolicy, riskOf: CategoryRisk, reader: Reader = 'customer'): Evidence {
  return rememberedEvidence(kb, kb.index.version, { text, accountId, reader, triage, riskOf }, () => readEvidence(kb, text, accountId, triage, riskOf, reader));
}

function readEvidence(kb: KnowledgeReader, text: string, accountId: string, triage: TriagePolicy, riskOf: CategoryRisk, reader: Reader): Evidence {
  const found = kb.index.search(text, { accountId, limit: triage.neighbours, reader });
  const best = found[0]?.similarity ?? 0;
  const hits = found.filter((h) => h.similarity >= best * 0.6 && h.similarity > 0);
  const reading = kb.classifier.classify(text, accountId);
  // Knowledge left unfiled (a doc section whose category the knowledge could not tell) does not vote on
  // the category: the message's words decide it among the filed classes, and an unfiled topic among the
  // nearest entries, one that answers the message, then stands in that category, with its tier.
  const filed = reading.some((s) => !s.cls.category) ? kb.classifier.classify(text, accountId, { filedOnly: true }) : reading;
  const { category, share } = pickCategory(filed, text, triage, best);
  const answering = new Set(hits.map(topicKey));
  const categoryOf = (s: TopicScore) => s.cls.category ?? (answering.has(s.cls.key) ? category : undefined);
  // Taxonomy examples teach the category, not a topic: the topic is the likeliest KB topic of the
  // category, its probability taken among KB topics only, so a message that repeats a taxonomy example
  // word for word still finds the resolution it asks for.
  const topics = reading.filter((s) => !s.cls.example);
  const top = topics.find((s) => categoryOf(s) === category);
  const topicMass = topics.reduce((a, s) => a + s.p, 0);
  const topic = top?.cls.key;
  const tierOf = (s: TopicScore) => statedTier(s.cls) ?? riskOf(categoryOf(s));
  const sum = (pred: (s: TopicScore) => number) => reading.reduce((a, s) => a + s.p * pred(s), 0);
  const closest = (key: string | undefined) => found.find((h) => topicKey(h) === key)?.similarity ?? 0;
  const readings = topics.slice(0, READINGS).map((s): TopicReading => {
    const stated = statedTier(s.cls);
    return {
      topic: s.cls.key,
      category: categoryOf(s) ?? triage.unknown_category,
      share: s.p / topicMass,
      best: closest(s.cls.key),
      ...(tierOf(s) ? { tier: tierOf(s)! } : {}),
      ...(stated ? { stated } : {}),
      needsHuman: s.cls.needsHuman / s.cls.docs,
      alwaysEscalate: kb.topics?.find(s.cls.key)?.alwaysEscalate ?? false,
    };
  });
  return {
    hits,
    best,
    category,
    categoryShare: share,
    ...(topic !== undefined ? { topic } : {}),
    topicShare: top ? top.p / topicMass : 0,
    topicBest: closest(topic),
    topics: new Map(reading.map((s) => [s.cls.key, s.p])),
    humanShare: sum((s) => s.cls.needsHuman / s.cls.docs),
    highRiskShare: sum((s) => (tierOf(s) === 'high' ? 1 : 0)),
    escalateShare: sum((s) => (kb.topics?.find(s.cls.key)?.alwaysEscalate ? 1 : 0)),
    ...(top && statedTier(top.cls) ? { tier: statedTier(top.cls)! } : {}),
    readings,
  };
}
