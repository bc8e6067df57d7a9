import type { Citation, DraftAnswer } from '../model/decision.js';
import type { Turn } from '../model/message.js';
import type { KnowledgeEntry, KnowledgeHit, KnowledgeIndex, Reader } from '../ports/knowledge.js';
import { topicKey, type Evidence } from '../triage/evidence.js';
import { some } from './lazy.js';
import { purposeOf, quotable } from './purpose.js';

export function citationOf(entry: KnowledgeEntry): Citation {
  const title = entry.title ?? (entry.question.length > 80 ? `${entry.question.slice(0, 77)}...` : entry.question);
  const internal = entry.audience !== undefined && 'internal' in entry.audience;
  return { id: entry.id, title, ...(entry.url ? { url: entry.url } : {}), ...(entry.source ? { source: entry.source } : {}), ...(internal ? { internal } : {}) };
}

/**
 * Confidence that the KB answers the message: how close the recognised topic's best match is,
 * discounted when the classifier is split between topics (the KB is unsure what is being asked).
 */
export function topicConfidence(e: Evidence): number {
  return e.topicBest * (0.5 + 0.5 * e.topicShare);
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** What the bot already said in the thread: a resolution it quoted is not offered again. */
export function alreadySaid(history: readonly Turn[]): (entry: KnowledgeEntry) => boolean {
  const said = history.filter((t) => t.role === 'bot').map((t) => squash(t.text));
  return (entry) => said.some((t) => t.includes(squash(entry.answer ?? '')));
}

/** Who the text is for, and what the thread already had. */
export interface SourceScope {
  audience?: Reader;
  given?: (entry: KnowledgeEntry) => boolean;
}

/**
 * Resolutions of the recognised topic the account may see and the thread has not had yet: those among
 * the neighbours first, then the rest of the topic's (the neighbours may all be question-only examples,
 * or already given). Never another topic's answer, and for a customer only answers.
 */
export function answerSources(e: Evidence, index: KnowledgeIndex, accountId: string, max: number, scope: SourceScope = {}): KnowledgeHit[] {
  if (e.topic === undefined) return [];
  const { audience = 'customer', given = () => false } = scope;
  const found = e.hits.filter((h) => quotable(h.entry, audience) && !given(h.entry) && topicKey(h) === e.topic);
  const ids = new Set(found.map((h) => h.entry.id));
  for (const entry of index.topicAnswers(e.topic, accountId, audience)) {
    if (found.length >= max) break;
    if (!given(entry) && !ids.has(entry.id)) found.push({ entry, similarity: e.topicBest });
  }
  return found.slice(0, max);
}

/** A drafted text and the knowledge it was drawn from (what the guard checks it against). */
export interface Sourced {
  answer: DraftAnswer;
  sources: KnowledgeEntry[];
}

/** How many of the topic's resolutions a quote is chosen from, when the best one may not be sent. */
const QUOTE_CHOICES = 8;

/**
 * Without an LLM: the best-matching resolution of the recognised topic not given yet, verbatim, with its
 * source; the best one `sendable` accepts (the last guard would pass it), else the best one.
 */
export function extractiveAnswer(e: Evidence, index: KnowledgeIndex, accountId: string, scope: SourceScope = {}, sendable: (entry: KnowledgeEntry) => boolean = () => true): Sourced | undefined {
  const hits = answerSources(e, index, accountId, QUOTE_CHOICES, scope);
  const hit = hits.find((h) => sendable(h.entry)) ?? hits[0];
  if (!hit) return undefined;
  return { answer: { text: hit.entry.answer!.trim(), citations: [citationOf(hit.entry)], confidence: topicConfidence(e) }, sources: [hit.entry] };
}

/**
 * A replay's stand-in for an answer on a topic whose past tickets were imported without their resolution
 * (question-only records): the decision is judged, the text would come once an answer is imported. A
 * topic whose resolutions were imported as history is not one: only a person or an approval answers it.
 */
export function topicReference(e: Evidence, index: KnowledgeIndex, accountId: string): DraftAnswer | undefined {
  if (e.topic === undefined) return undefined;
  const resolvedInHistory = some(index.topicAnswers(e.topic, accountId, 'staff'), (entry) => purposeOf(entry) === 'history');
  if (!some(index.topicEntries(e.topic, accountId)) || resolvedInHistory) return undefined;
  return { text: '', citations: [{ id: `topic:${e.topic}`, title: e.topic }], confidence: topicConfidence(e) };
}
