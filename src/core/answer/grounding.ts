import type { DraftAnswer } from '../model/decision.js';
import type { KnowledgeHit } from '../ports/knowledge.js';
import type { LlmDraft } from '../ports/llm.js';
import { unsourcedLinks } from './draft-links.js';
import { citationOf } from './extractive-answer.js';

export type Grounded = { ok: true; answer: DraftAnswer } | { ok: false; reason: string };

/**
 * No citation, no answer: a draft passes only when it cites at least one of the sources it was given
 * (already scoped to the account) and nothing else, and links only what those sources link. Its
 * confidence is tempered by the retrieval evidence, so a model that is sure of itself cannot lift a
 * weakly grounded answer over the bar.
 */
export function groundDraft(draft: LlmDraft, sources: KnowledgeHit[], retrieval: number): Grounded {
  const byId = new Map(sources.map((h) => [h.entry.id, h]));
  const cited = [...new Set(draft.citations)];
  if (draft.answer.trim() === '') return { ok: false, reason: 'llm: empty answer' };
  if (cited.length === 0) return { ok: false, reason: 'llm: no citation' };
  const unknown = cited.filter((id) => !byId.has(id));
  if (unknown.length > 0) return { ok: false, reason: `llm: cited unknown source(s) ${unknown.join(', ')}` };
  const foreign = unsourcedLinks(draft.answer, cited.map((id) => byId.get(id)!.entry));
  if (foreign.length > 0) return { ok: false, reason: `llm: link(s) not in the cited sources: ${foreign.join(', ')}` };
  const selfAssessed = Math.max(0, Math.min(1, draft.confidence));
  const confidence = Math.min(selfAssessed, retrieval);
  return { ok: true, answer: { text: draft.answer.trim(), citations: cited.map((id) => citationOf(byId.get(id)!.entry)), confidence } };
}
