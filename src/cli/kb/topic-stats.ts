import type { Policy } from '../../config/policy-schema.js';
import { TopicBook } from '../../core/policy/topic-policy.js';
import { unknownTopicTier } from '../../core/policy/unknown-topics.js';
import type { KnowledgeEntry } from '../../core/ports/knowledge.js';

/** What the imported history says of one topic: how often it needed a person, and why. */
export interface TopicStats {
  topic: string;
  category: string;
  tier: string;
  listed: boolean;
  alwaysEscalate: boolean;
  records: number;
  /** Records with a resolution that may be quoted. */
  quotable: number;
  neededPerson: number;
  because: Map<string, number>;
  /** Enough of its past tickets needed a person that a question on it counts as complex (`triage.complex_at`). */
  hiddenComplexity: boolean;
}

/** Per topic, as the policy files it: the counts behind hidden complexity. Entries without a topic count under "(none)". */
export function topicStats(kb: readonly KnowledgeEntry[], policy: Policy): TopicStats[] {
  const book = new TopicBook(policy.categories, policy.triage.unknown_topic_risk);
  const byTopic = new Map<string, TopicStats>();
  for (const raw of kb) {
    if (raw.kind === 'doc') continue;
    const e = book.file(raw, policy.triage.unknown_category);
    const key = `${e.category ?? ''}\u0000${e.topic ?? '(none)'}`;
    let s = byTopic.get(key);
    if (!s) {
      const listed = book.find(e.topic);
      const tier = e.risk ?? unknownTopicTier(policy)(e.category);
      s = { topic: e.topic ?? '(none)', category: e.category ?? '(none)', tier, listed: listed !== undefined, alwaysEscalate: listed?.alwaysEscalate ?? false, records: 0, quotable: 0, neededPerson: 0, because: new Map(), hiddenComplexity: false };
      byTopic.set(key, s);
    }
    s.records++;
    if (e.answer?.trim() && !e.needsHuman) s.quotable++;
    if (e.needsHuman) {
      s.neededPerson++;
      for (const why of e.needsHumanBecause ?? ['flagged']) s.because.set(why, (s.because.get(why) ?? 0) + 1);
    }
  }
  const stats = [...byTopic.values()];
  for (const s of stats) s.hiddenComplexity = s.neededPerson / s.records >= policy.triage.complex_at;
  return stats.sort((a, b) => a.category.localeCompare(b.category) || b.records - a.records);
}
