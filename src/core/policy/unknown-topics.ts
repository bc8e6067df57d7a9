import type { Policy } from '../../config/policy-schema.js';
import type { RiskTier } from '../model/decision.js';
import type { KnowledgeEntry } from '../ports/knowledge.js';
import { TopicBook } from './topic-policy.js';

/**
 * The tier of a category: the policy's for one it lists, else `triage.unknown_topic_risk` (default high).
 * A category the policy does not know (an imported helpdesk's "Refund") is not low risk: it fails closed.
 */
export function unknownTopicTier(policy: Policy): (category: string | undefined) => RiskTier {
  const tiers = new Map(policy.categories.map((c) => [c.name, c.risk]));
  return (category) => (category !== undefined && tiers.get(category)) || policy.triage.unknown_topic_risk;
}

/** Imported knowledge the policy does not file: a category it does not list, or a topic it does not name. */
export interface UnknownTopic {
  /** The record's own category (unlisted), or the unknown category its unlisted topic was filed under. */
  category: string;
  topic?: string;
  records: number;
}

/**
 * Records counted by their category and topic, fed one by one (an import streams them; `kb stats` reads
 * its file): all the listing needs. Docs are left out (they are filed by what they read like).
 */
export class TopicTally {
  private readonly counts = new Map<string, { category?: string; topic?: string; records: number }>();

  add(entry: Pick<KnowledgeEntry, 'kind' | 'category' | 'topic'>): void {
    if (entry.kind === 'doc' || (entry.category === undefined && entry.topic === undefined)) return;
    const key = `${entry.category ?? ''}\u0000${entry.topic ?? ''}`;
    const c = this.counts.get(key) ?? { ...(entry.category !== undefined ? { category: entry.category } : {}), ...(entry.topic !== undefined ? { topic: entry.topic } : {}), records: 0 };
    c.records++;
    this.counts.set(key, c);
  }

  static of(kb: Iterable<KnowledgeEntry>): TopicTally {
    const tally = new TopicTally();
    for (const e of kb) tally.add(e);
    return tally;
  }

  labels(): IterableIterator<{ category?: string; topic?: string; records: number }> {
    return this.counts.values();
  }
}

/**
 * What the imported knowledge holds that the policy does not list, largest first: each takes the tier
 * for unknown topics until the policy lists it. Names are compared as triage compares them (a category
 * by its exact name, a topic as the policy's topics match).
 */
export function unknownTopics(tally: TopicTally, policy: Policy): UnknownTopic[] {
  const book = new TopicBook(policy.categories);
  const listed = new Set(policy.categories.map((c) => c.name));
  const found = new Map<string, UnknownTopic>();
  for (const { records, ...labels } of tally.labels()) {
    const e = book.file({ id: '', kind: 'conversation', question: '', ...labels }, policy.triage.unknown_category);
    const unlistedTopic = e.category === policy.triage.unknown_category && e.topic !== undefined && !book.find(e.topic);
    const unlistedCategory = e.category !== undefined && !listed.has(e.category);
    if (!unlistedTopic && !unlistedCategory) continue;
    const key = `${e.category}\u0000${unlistedTopic ? e.topic : ''}`;
    const t = found.get(key) ?? { category: e.category!, ...(unlistedTopic ? { topic: e.topic! } : {}), records: 0 };
    t.records += records;
    found.set(key, t);
  }
  return [...found.values()].sort((a, b) => b.records - a.records || a.category.localeCompare(b.category));
}

/** How many unknown topics the listing names one by one; the rest are counted. */
const SHOWN = 20;

/**
 * The listing an operator acts on: each unknown category or topic, and the policy lines that file it
 * (to paste under `categories:` in the policy, choosing the tier and, for a topic, its category).
 */
export function formatUnknownTopics(topics: readonly UnknownTopic[], policy: Policy): string {
  if (topics.length === 0) return 'Every imported category and topic is listed in the policy.';
  const tier = policy.triage.unknown_topic_risk;
  const lines = [
    `${topics.length} imported categor${topics.length === 1 ? 'y or topic' : 'ies or topics'} the policy does not list: each is triaged at triage.unknown_topic_risk (${tier}) until the policy files it.`,
    ...topics.slice(0, SHOWN).map((t) => `  ${t.topic ? `topic ${t.topic} (filed under ${t.category})` : `category ${t.category}`}: ${t.records} record(s)`),
    ...(topics.length > SHOWN ? [`  ... and ${topics.length - SHOWN} more`] : []),
    'To file them, add to the policy (BATON_CONFIG) under "categories:", with the tier each deserves, then restart Baton:',
    ...snippet(topics.slice(0, SHOWN), policy),
  ];
  return lines.join('\n');
}

/** Policy YAML that lists the unknown categories and topics; a topic goes under the category a lead picks. */
function snippet(topics: readonly UnknownTopic[], policy: Policy): string[] {
  const tier = policy.triage.unknown_topic_risk;
  const categories = topics.filter((t) => !t.topic).map((t) => [`  - name: ${JSON.stringify(t.category)}`, `    risk: ${tier}`]);
  const named = topics.filter((t) => t.topic);
  const under = named.length > 0 ? [[`  - name: CATEGORY   # an existing category: add these to its topics`, '    topics:', ...named.map((t) => `      - { name: ${JSON.stringify(t.topic)}, risk: ${tier} }`)]] : [];
  return [...categories, ...under].flat();
}
