import type { Policy } from '../../config/policy-schema.js';
import type { RiskTier } from '../../core/model/decision.js';
import type { KnowledgeEntry } from '../../core/ports/knowledge.js';
import { TopicBook } from '../../core/policy/topic-policy.js';

/** A past ticket to replay, with what should have happened to it by the team's own record and policy. */
export interface PastTicket {
  entry: KnowledgeEntry;
  /** The category the team's record or the policy's topic gives it. */
  category: string;
  tier: RiskTier;
  /** It needed a person: its outcome says so, or the policy would never let Baton answer it. */
  mustEscalate: boolean;
  /** Why, in a word, for the table. */
  because: string;
  fold: number;
}

/** FNV-1a: a stable order and fold for every ticket, so two runs over the same history agree. */
function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * What the policy and the ticket's outcome say should have happened: a person when it needed one
 * (escalated, reassigned, reopened), when its topic always goes to a person or is high risk, or when
 * it is not Baton's to answer (a topic the policy's list does not name, or the unknown category).
 */
function judge(raw: KnowledgeEntry, policy: Policy, book: TopicBook): Omit<PastTicket, 'entry' | 'fold'> {
  const e = book.file(raw, policy.triage.unknown_category);
  const topic = book.find(e.topic);
  const tier = e.risk ?? policy.categories.find((c) => c.name === e.category)?.risk ?? 'low';
  const filed = { category: e.category ?? '(none)', tier };
  if (e.needsHuman) return { ...filed, mustEscalate: true, because: 'needed a person' };
  if (topic?.alwaysEscalate) return { ...filed, mustEscalate: true, because: 'always_escalate topic' };
  if (tier === 'high') return { ...filed, mustEscalate: true, because: 'high risk' };
  if (filed.category === policy.triage.unknown_category) return { ...filed, mustEscalate: true, because: 'out of scope' };
  return { ...filed, mustEscalate: false, because: 'answerable' };
}

/**
 * The imported past tickets (not docs, each conversation once), a stable sample of at most `max` taken evenly across topics (a
 * large topic, such as a pile of off-topic questions, does not crowd out the rest), each in one of
 * `folds` folds.
 */
export function pastTickets(kb: readonly KnowledgeEntry[], policy: Policy, max: number, folds: number): PastTicket[] {
  const book = new TopicBook(policy.categories);
  const byTopic = new Map<string, { entry: KnowledgeEntry; h: number }[]>();
  for (const entry of kb) {
    // One conversation is one ticket: its question-only copy (`ID#learn`) is the same ticket again.
    if (entry.kind === 'doc' || entry.id.endsWith('#learn')) continue;
    const key = entry.topic ?? entry.category ?? '';
    byTopic.set(key, byTopic.get(key) ?? []).get(key)!.push({ entry, h: hash(entry.id) });
  }
  const queues = [...byTopic.values()].map((q) => q.sort((a, b) => a.h - b.h));
  const picked: { entry: KnowledgeEntry; h: number }[] = [];
  for (let i = 0; picked.length < max && queues.some((q) => q.length > i); i++) {
    for (const q of queues) if (q[i] && picked.length < max) picked.push(q[i]!);
  }
  return picked.map(({ entry, h }) => ({ entry, fold: (h >>> 8) % folds, ...judge(entry, policy, book) }));
}
