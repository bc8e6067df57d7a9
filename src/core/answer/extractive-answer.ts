import type { DraftAnswer } from '../model/decision.js';
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
 * discounted when the neighbours are split between topics (the KB is unsure what is being asked).
 */
export function topicConfidence(e: Evidence): number {
  return e.topicBest * (0.5 + 0.5 * e.topicShare);
}

/**
 * Resolutions of the recognised topic the account may see: those among the neighbours first, else the
 * topic's own (the neighbours may all be question-only examples of it). Never another topic's answer.
 */
export function answerSources(e: Evidence, index: KnowledgeIndex, accountId: string, max: number): KnowledgeHit[] {
  if (e.topic === undefined) return [];
  const near = e.hits.filter((h) => quotable(h.entry) && topicKey(h) === e.topic);
  if (near.length > 0) return near.slice(0, max);
  return index
    .topicEntries(e.topic, accountId)
    .filter(quotable)
    .slice(0, max)
    .map((entry) => ({ entry, similarity: e.topicBest }));
}

/** Without an LLM: the best-matching resolution of the recognised topic, verbatim, with its source. */
export function extractiveAnswer(e: Evidence, index: KnowledgeIndex, accountId: string): DraftAnswer | undefined {
  const hit = answerSources(e, index, accountId, 1)[0];
  if (!hit) return undefined;
  return { text: hit.entry.answer!.trim(), citations: [citationOf(hit.entry)], confidence: topicConfidence(e) };
}
