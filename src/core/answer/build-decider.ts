import type { Policy } from '../../config/policy-schema.js';
import type { Decider } from '../ports/decider.js';
import type { KnowledgeEntry } from '../ports/knowledge.js';
import type { Llm } from '../ports/llm.js';
import { InvertedKnowledgeIndex } from './knowledge-index.js';
import { LearningKnowledgeIndex } from './learning-index.js';
import { createTriageEngine } from './triage-engine.js';

/** The policy's category examples, as knowledge entries that teach the classifier but answer nothing. */
export function taxonomyExamples(policy: Policy): KnowledgeEntry[] {
  return policy.categories.flatMap((c) =>
    c.examples.map((text, i) => ({ id: `policy:${c.name}:${i}`, kind: 'example' as const, question: text, category: c.name })),
  );
}

/** Builds the index and topic classifier over the taxonomy examples and the KB, then the engine. */
export function buildDecider(opts: { policy: Policy; kb: Iterable<KnowledgeEntry>; llm?: Llm }): Decider {
  return buildDeciderWithIndex(opts).decider;
}

/** The same, also handing back the live index: entries added to it later (approved KB candidates) are used at once. */
export function buildDeciderWithIndex(opts: { policy: Policy; kb: Iterable<KnowledgeEntry>; llm?: Llm }): { decider: Decider; index: LearningKnowledgeIndex } {
  const index = new LearningKnowledgeIndex(new InvertedKnowledgeIndex(), taxonomyExamples(opts.policy));
  index.addAll(opts.kb);
  return { decider: createTriageEngine({ policy: opts.policy, kb: index, ...(opts.llm ? { llm: opts.llm } : {}) }), index };
}
