import type { DecisionInput } from '../ports/decider.js';
import type { KnowledgeIndex } from '../ports/knowledge.js';
import type { Llm, LlmSource } from '../ports/llm.js';
import type { Evidence } from '../triage/evidence.js';
import { alreadySaid, answerSources, topicConfidence, type Sourced } from './extractive-answer.js';
import { groundDraft } from './grounding.js';

/** How many resolutions the model may read: enough to combine, few enough to stay on topic. */
const MAX_SOURCES = 4;

/**
 * Asks the model for a grounded draft. Only customer-safe text reaches it: the resolution of each
 * source, never its thread or internal notes, and only entries the account may see (the index scoped
 * them); for a customer only answers, for a staff-only copilot draft history too. A rejected draft is
 * not an error: it returns no answer, and the caller escalates.
 */
export async function draftWithLlm(llm: Llm, index: KnowledgeIndex, input: DecisionInput, e: Evidence): Promise<Partial<Sourced> & { reason: string }> {
  const hits = answerSources(e, index, input.accountId, MAX_SOURCES, { audience: input.audience ?? 'customer', given: alreadySaid(input.history) });
  if (hits.length === 0) return { reason: 'no quotable resolution for the model to ground on' };
  const sources: LlmSource[] = hits.map((h) => ({ id: h.entry.id, title: h.entry.title ?? h.entry.question, text: h.entry.answer! }));
  const history = input.history.slice(-6).map((t) => `${t.role === 'customer' ? 'customer' : 'support'}: ${t.text}`);
  const draft = await llm.draft({ question: input.text, history, sources });
  const grounded = groundDraft(draft, hits, topicConfidence(e));
  return grounded.ok ? { answer: grounded.answer, sources: hits.map((h) => h.entry), reason: 'llm draft grounded in cited sources' } : { reason: grounded.reason };
}
