import type { TriagePolicy } from '../../config/triage-schema.js';
import type { Reading } from '../model/decision.js';
import type { KnowledgeIndex } from '../ports/knowledge.js';
import type { Evidence, TopicReading } from '../triage/evidence.js';
import { find, some } from './lazy.js';

/** "card_arrival" -> "Card arrival"; a source prefix ("banking77:") is not for customers. */
function readable(name: string): string {
  const words = name.slice(name.lastIndexOf(':') + 1).replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * What a customer reads on the button: the category, when the policy names it, and the topic's title.
 * Titles name a topic, never a conversation's words (see helpdesk-ticket.ts), so no other customer's text
 * can reach the button; an imported category (a helpdesk group, "Initech Dedicated") can name a customer.
 */
function label(r: TopicReading, index: KnowledgeIndex, accountId: string, named: ReadonlySet<string>): string {
  const title = find(index.topicEntries(r.topic, accountId), (e) => Boolean(e.title))?.title ?? readable(r.topic);
  if (!named.has(r.category)) return title;
  const category = readable(r.category);
  return title.toLowerCase().startsWith(category.toLowerCase()) ? title : `${category}: ${title}`;
}

/**
 * The two best readings of a message when they are close and would be decided differently: another
 * category (another queue), or another answer (at least one of them has a resolution to quote). A
 * reading needs knowledge close enough to count (`unknown_below`), and is never a smalltalk or unknown one.
 * `named`: the policy's names (policy-names.ts), the only categories a button reads.
 */
export function closeReadings(e: Evidence, triage: TriagePolicy, index: KnowledgeIndex, accountId: string, named: ReadonlySet<string>): Reading[] | undefined {
  const eligible = (r: TopicReading) => r.best >= triage.unknown_below && r.category !== triage.unknown_category && !triage.smalltalk.categories.includes(r.category);
  const [a, b] = e.readings.filter(eligible);
  if (!a || !b || e.readings[0] !== a) return undefined;
  if (b.share < a.share * (1 - triage.clarify.margin)) return undefined;
  const answers = (r: TopicReading) => some(index.topicAnswers(r.topic, accountId, 'customer'));
  if (a.category === b.category && !answers(a) && !answers(b)) return undefined;
  return [a, b].map((r) => ({ topic: r.topic, category: r.category, label: label(r, index, accountId, named) }));
}

/**
 * The evidence as it stands once the customer said which reading they meant: the posterior collapses onto
 * that topic, so its category, tier, complexity and confidence are the topic's own. Undefined when the
 * topic is no longer among the message's readings (the knowledge changed since the question was asked).
 */
export function withReading(e: Evidence, topic: string): Evidence | undefined {
  const r = e.readings.find((x) => x.topic === topic);
  if (!r) return undefined;
  const { tier: _, ...rest } = e;
  return {
    ...rest,
    category: r.category,
    categoryShare: 1,
    topic: r.topic,
    topicShare: 1,
    topicBest: r.best,
    topics: new Map([[r.topic, 1]]),
    humanShare: r.needsHuman,
    highRiskShare: r.tier === 'high' ? 1 : 0,
    escalateShare: r.alwaysEscalate ? 1 : 0,
    ...(r.stated ? { tier: r.stated } : {}),
    readings: [r],
  };
}
