import type { FeedbackFact } from '../ports/feedback-log.js';

/** How many example questions a group shows: enough to write the article from, few enough to read. */
export const EXAMPLES_PER_GAP = 3;

/** Questions Baton could not answer well, on one topic: a suggestion for a new or better article. */
export interface GapGroup {
  /** The topic the knowledge base recognised nearest, else the category. */
  topic: string;
  category: string;
  /** Every question counted below: handed over for want of knowledge, plus answers marked not helpful. */
  count: number;
  noSource: number;
  belowThreshold: number;
  notHelpful: number;
  accounts: number;
  /** Redacted, distinct, most recent first. */
  examples: string[];
}

interface Tally {
  group: GapGroup;
  accounts: Set<string>;
  latest: number;
}

/** What Baton could not answer, grouped by topic, largest first. Helpful votes are no gap and are left out. */
export function gapGroups(facts: FeedbackFact[]): GapGroup[] {
  const groups = new Map<string, Tally>();
  const recentFirst = [...facts].sort((a, b) => b.at - a.at);
  for (const f of recentFirst) {
    if (f.kind === 'vote' && f.vote === 'helpful') continue;
    const topic = f.topic ?? f.category;
    const key = `${f.category}\u0000${topic}`;
    let t = groups.get(key);
    if (!t) {
      t = { group: { topic, category: f.category, count: 0, noSource: 0, belowThreshold: 0, notHelpful: 0, accounts: 0, examples: [] }, accounts: new Set(), latest: f.at };
      groups.set(key, t);
    }
    const g = t.group;
    g.count++;
    if (f.kind === 'vote') g.notHelpful++;
    else if (f.reason === 'no_source') g.noSource++;
    else g.belowThreshold++;
    t.accounts.add(f.accountId);
    if (f.question && g.examples.length < EXAMPLES_PER_GAP && !g.examples.includes(f.question)) g.examples.push(f.question);
  }
  return [...groups.values()]
    .map((t) => ({ ...t.group, accounts: t.accounts.size, latest: t.latest }))
    .sort((a, b) => b.count - a.count || b.latest - a.latest)
    .map(({ latest: _latest, ...g }) => g);
}
