import type { FeedbackFact, VoteFact } from '../ports/feedback-log.js';

/** Helpful and not-helpful votes on the answers of one group; the rate is the helpful share, undefined with no votes. */
export interface VoteCount {
  key: string;
  helpful: number;
  notHelpful: number;
  rate?: number;
}

/** Answer feedback of a period: overall, by category, and by the knowledge the answers quoted. */
export interface FeedbackFigures {
  total: VoteCount;
  byCategory: VoteCount[];
  /** An answer quoting two sources counts under each of them. */
  bySource: VoteCount[];
}

const withRate = (c: VoteCount): VoteCount => ({ ...c, rate: c.helpful + c.notHelpful > 0 ? c.helpful / (c.helpful + c.notHelpful) : undefined });

function tally(votes: VoteFact[], keys: (v: VoteFact) => string[]): VoteCount[] {
  const counts = new Map<string, VoteCount>();
  for (const v of votes) {
    for (const key of keys(v)) {
      const c = counts.get(key) ?? { key, helpful: 0, notHelpful: 0 };
      if (v.vote === 'helpful') c.helpful++;
      else c.notHelpful++;
      counts.set(key, c);
    }
  }
  // Most voted first; among equals, the least helpful first: that is where the knowledge needs work.
  return [...counts.values()].map(withRate).sort((a, b) => b.helpful + b.notHelpful - (a.helpful + a.notHelpful) || (a.rate ?? 0) - (b.rate ?? 0) || a.key.localeCompare(b.key));
}

export const votesOf = (facts: FeedbackFact[]): VoteFact[] => facts.filter((f): f is VoteFact => f.kind === 'vote');

export function feedbackFigures(facts: FeedbackFact[]): FeedbackFigures {
  const votes = votesOf(facts);
  return {
    total: tally(votes, () => ['all'])[0] ?? { key: 'all', helpful: 0, notHelpful: 0 },
    byCategory: tally(votes, (v) => [v.category]),
    bySource: tally(votes, (v) => [...new Set(v.sources)]),
  };
}
