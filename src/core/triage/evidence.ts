import type { TriagePolicy } from '../../config/triage-schema.js';
import type { RiskTier } from '../model/decision.js';
import type { KnowledgeHit, KnowledgeIndex } from '../ports/knowledge.js';

/** What the nearest knowledge says about a message: the ground for category, risk, complexity and answers. */
export interface Evidence {
  hits: KnowledgeHit[];
  /** Similarity of the closest entry, 0 when nothing matched. */
  best: number;
  category: string;
  /** Weighted share of the neighbours that voted for `category`. */
  categoryShare: number;
  /** The topic (intent) the closest answerable evidence agrees on, if any. */
  topic?: string;
  topicShare: number;
  /** Similarity of the closest entry on that topic. */
  topicBest: number;
  /** The neighbours' topic vote, normalised: what the message is about, as the KB sees it. */
  topics: Map<string, number>;
  /** Weighted share of neighbours that needed a human: hidden complexity. */
  humanShare: number;
  /** Weighted share of neighbours in the high risk tier. */
  highRiskShare: number;
}

export type CategoryRisk = (category: string | undefined) => RiskTier | undefined;

/** Near neighbours count far more than distant ones: a vote weighs similarity squared. */
const weight = (h: KnowledgeHit) => h.similarity * h.similarity;

function vote(hits: KnowledgeHit[], key: (h: KnowledgeHit) => string | undefined): { winner?: string; share: number; totals: Map<string, number> } {
  const totals = new Map<string, number>();
  let all = 0;
  for (const h of hits) {
    const k = key(h);
    all += weight(h);
    if (k !== undefined) totals.set(k, (totals.get(k) ?? 0) + weight(h));
  }
  let winner: string | undefined;
  let best = 0;
  for (const [k, v] of totals) if (v > best) [winner, best] = [k, v];
  if (all > 0) for (const [k, v] of totals) totals.set(k, v / all);
  return { winner, share: all > 0 ? best / all : 0, totals };
}

function share(hits: KnowledgeHit[], pred: (h: KnowledgeHit) => boolean): number {
  const all = hits.reduce((s, h) => s + weight(h), 0);
  return all > 0 ? hits.filter(pred).reduce((s, h) => s + weight(h), 0) / all : 0;
}

/** What an entry votes for as a topic: its tag, or itself when untagged (a doc section is its own topic). */
export function topicKey(h: KnowledgeHit): string | undefined {
  return h.entry.topic ?? (h.entry.kind === 'example' ? undefined : h.entry.id);
}

/**
 * k-nearest-neighbour reading of a message over the knowledge index, which holds the policy's category
 * examples and the imported knowledge alike. Only neighbours within reach of the best one vote, so a
 * crowd of weak matches cannot outvote a close paraphrase.
 */
export function gatherEvidence(index: KnowledgeIndex, text: string, accountId: string, triage: TriagePolicy, riskOf: CategoryRisk): Evidence {
  const found = index.search(text, { accountId, limit: triage.neighbours });
  const best = found[0]?.similarity ?? 0;
  const hits = found.filter((h) => h.similarity >= best * 0.6 && h.similarity > 0);
  if (best < triage.unknown_below) {
    return { hits, best, category: triage.unknown_category, categoryShare: 0, topicShare: 0, topicBest: 0, topics: new Map(), humanShare: 0, highRiskShare: 0 };
  }
  const cat = vote(hits, (h) => h.entry.category);
  const topic = vote(hits, topicKey);
  const tierOf = (h: KnowledgeHit) => h.entry.risk ?? riskOf(h.entry.category);
  return {
    hits,
    best,
    category: cat.winner ?? triage.unknown_category,
    categoryShare: cat.share,
    topic: topic.winner,
    topicShare: topic.share,
    topics: topic.totals,
    topicBest: hits.find((h) => topicKey(h) === topic.winner)?.similarity ?? 0,
    humanShare: share(hits, (h) => h.entry.needsHuman === true),
    highRiskShare: share(hits, (h) => tierOf(h) === 'high'),
  };
}
