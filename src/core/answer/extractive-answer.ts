import type { DraftAnswer } from '../model/decision.js';
import type { Turn } from '../model/message.js';
import type { KnowledgeEntry, KnowledgeHit, KnowledgeIndex } from '../ports/knowledge.js';
import { topicKey, type Evidence } from '../triage/evidence.js';

/** An entry a customer may be shown: it carries a resolution and did not itself need a human. */
export function quotable(entry: KnowledgeEntry): boolean {
  return entry.answer !== undefined && entry.answer.trim() !== '' && entry.needsHuman !== true;
}

export function citationOf(entry: KnowledgeEntry): { id: string; title: string; url?: string } {
  const title = entry.title ?? (entry.question.length > 80 ? `${entry.question.slice(0, 77)}...` : entry.question);
  return entry.url ? { id: entry.id, title, url: entry.url } : { id: entry.id, title };
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

/**
 * Resolutions of the recognised topic the account may see and the thread has not had yet: those among
 * the neighbours first, then the rest of the topic's (the neighbours may all be question-only examples,
 * or already given). Never another topic's answer.
 */
export function answerSources(e: Evidence, index: KnowledgeIndex, accountId: string, max: number, given: (entry: KnowledgeEntry) => boolean = () => false): KnowledgeHit[] {
  if (e.topic === undefined) return [];
  const fresh = (entry: KnowledgeEntry) => quotable(entry) && !given(entry);
  const near = e.hits.filter((h) => fresh(h.entry) && topicKey(h) === e.topic);
  const ids = new Set(near.map((h) => h.entry.id));
  const rest = index
    .topicEntries(e.topic, accountId)
    .filter((entry) => fresh(entry) && !ids.has(entry.id))
    .map((entry) => ({ entry, similarity: e.topicBest }));
  return [...near, ...rest].slice(0, max);
}

/** Without an LLM: the best-matching resolution of the recognised topic not given yet, verbatim, with its source. */
export function extractiveAnswer(e: Evidence, index: KnowledgeIndex, accountId: string, given?: (entry: KnowledgeEntry) => boolean): DraftAnswer | undefined {
  const hit = answerSources(e, index, accountId, 1, given)[0];
  if (!hit) return undefined;
  return { text: hit.entry.answer!.trim(), citations: [citationOf(hit.entry)], confidence: topicConfidence(e) };
}

/**
 * A replay's stand-in for an answer on a topic whose past tickets were imported without their resolution
 * (question-only records): the decision is judged, the text would come once the resolution is imported.
 */
export function topicReference(e: Evidence, index: KnowledgeIndex, accountId: string): DraftAnswer | undefined {
  if (e.topic === undefined || index.topicEntries(e.topic, accountId).length === 0) return undefined;
  return { text: '', citations: [{ id: `topic:${e.topic}`, title: e.topic }], confidence: topicConfidence(e) };
}
