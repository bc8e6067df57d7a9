import { redact } from '../feedback/redact.js';
import type { KnowledgeEntry } from '../ports/knowledge.js';
import { contentTerms } from '../triage/text-terms.js';
import { cleanResolution } from './clean-resolution.js';
import { type Mark, type MarkContext, markSpans } from './mark-spans.js';

/** The topics `baton kb suggest` and the review surfaces list unless told otherwise. */
export const DEFAULT_TOP = 20;

/** One resolution of a topic as it could be quoted: cleaned, redacted, with its marked spans. */
export interface CleanedResolution {
  id: string;
  account?: string;
  question: string;
  answer: string;
  marks: Mark[];
}

/** A topic of the history, by volume, with the resolutions an answer can be built from. */
export interface HistoryTopic {
  topic: string;
  category?: string;
  /** Past conversations filed under the topic. */
  volume: number;
  /** Its resolutions with something left after cleaning, the most representative first. */
  resolutions: CleanedResolution[];
  /** The accounts those conversations came from, the most frequent first. */
  accounts: string[];
}

/** Imported conversations and closed escalations: what proposes answers, never an answer itself. */
export function isHistory(e: KnowledgeEntry): boolean {
  return (e.purpose ?? (e.kind === 'doc' ? 'answer' : 'history')) === 'history' && e.kind === 'conversation';
}

export const topicKey = (e: KnowledgeEntry) => e.topic ?? e.category ?? '(none)';

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/**
 * The resolutions, the most representative first: the one whose words the others share most, and among
 * as representative ones, the one with the fewest spans of a single ticket in it.
 */
function byRepresentative(list: CleanedResolution[]): CleanedResolution[] {
  const terms = list.map((r) => new Set(contentTerms(r.answer)));
  const score = list.map((_, i) => {
    if (list.length === 1) return 1;
    const others = terms.reduce((sum, t, j) => (j === i ? sum : sum + jaccard(terms[i]!, t)), 0);
    return others / (list.length - 1);
  });
  const order = list.map((_, i) => i);
  order.sort((a, b) => score[b]! - list[b]!.marks.length * 0.05 - (score[a]! - list[a]!.marks.length * 0.05) || list[a]!.answer.length - list[b]!.answer.length);
  return order.map((i) => list[i]!);
}

function cleaned(e: KnowledgeEntry, context: MarkContext): CleanedResolution | undefined {
  const answer = redact(cleanResolution(e.answer ?? ''));
  if (answer === '') return undefined;
  return { id: e.id, ...(e.account ? { account: e.account } : {}), question: e.question, answer, marks: markSpans(answer, context) };
}

function mostFrequent(values: string[]): string[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([v]) => v);
}

/** How many of a topic's resolutions are cleaned and weighed: enough to find the representative one, few enough to stay quick on a large import. */
const WEIGHED = 40;

/** The history by topic, the largest first: cheap (no cleaning), so the review can skip reviewed topics before building any. */
export function topicGroups(entries: readonly KnowledgeEntry[]): [topic: string, entries: KnowledgeEntry[]][] {
  const groups = new Map<string, KnowledgeEntry[]>();
  for (const e of entries) {
    if (!isHistory(e)) continue;
    const list = groups.get(topicKey(e)) ?? [];
    list.push(e);
    groups.set(topicKey(e), list);
  }
  return [...groups.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
}

/** One topic with its cleaned resolutions; undefined when none has anything left after cleaning. */
export function historyTopic(topic: string, list: readonly KnowledgeEntry[], context: MarkContext = {}): HistoryTopic | undefined {
  const resolutions = list.filter((e) => e.answer?.trim()).slice(0, WEIGHED).flatMap((e) => cleaned(e, context) ?? []);
  if (resolutions.length === 0) return undefined;
  const category = list.find((e) => e.category)?.category;
  return { topic, ...(category ? { category } : {}), volume: list.length, resolutions: byRepresentative(resolutions), accounts: mostFrequent(list.flatMap((e) => e.account ?? [])) };
}

/**
 * The history's topics by volume, the largest first, `top` of them, leaving out `skip` (topics already
 * reviewed). Only topics with at least one resolution left after cleaning can propose an answer.
 */
export function historyTopics(entries: readonly KnowledgeEntry[], opts: { top: number; skip?: ReadonlySet<string>; context?: MarkContext }): HistoryTopic[] {
  const topics: HistoryTopic[] = [];
  for (const [topic, list] of topicGroups(entries)) {
    if (topics.length >= opts.top) break;
    if (opts.skip?.has(topic)) continue;
    const t = historyTopic(topic, list, opts.context);
    if (t) topics.push(t);
  }
  return topics;
}
