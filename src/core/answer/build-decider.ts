import type { Policy } from '../../config/policy-schema.js';
import type { KnowledgeEntry } from '../ports/knowledge.js';
import type { Llm } from '../ports/llm.js';
import { TopicBook } from '../policy/topic-policy.js';
import { audienceFilter } from './audience.js';
import { InvertedKnowledgeIndex } from './knowledge-index.js';
import { LearningKnowledgeIndex } from './learning-index.js';
import { createTriageEngine, type TriageEngine } from './triage-engine.js';

/** The policy's category and topic examples, as knowledge entries that teach the classifier but answer nothing. */
export function taxonomyExamples(policy: Policy): KnowledgeEntry[] {
  return policy.categories.flatMap((c) => [
    ...c.examples.map((text, i) => ({ id: `policy:${c.name}:${i}`, kind: 'example' as const, question: text, category: c.name })),
    ...c.topics.flatMap((t) =>
      t.examples.map((text, i) => ({ id: `policy:${c.name}:${t.name}:${i}`, kind: 'example' as const, question: text, category: c.name, topic: t.name })),
    ),
  ]);
}

/** Builds the index and topic classifier over the taxonomy examples and the KB, then the engine. */
export function buildDecider(opts: DeciderOptions): TriageEngine {
  return buildDeciderWithIndex(opts).decider;
}

/** The same, also handing back the live index: entries added to it later (approved KB candidates) are used at once. */
export function buildDeciderWithIndex(opts: DeciderOptions): { decider: TriageEngine; index: LearningKnowledgeIndex } {
  const index = emptyIndex(opts.policy);
  index.addAll(opts.kb);
  return { decider: engine(opts, index), index };
}

/** The same, built a step at a time (see LearningKnowledgeIndex.addGradually): `pause` is told how many entries are in. */
export async function buildDeciderGradually(opts: DeciderOptions, pause: (added: number) => Promise<void>): Promise<{ decider: TriageEngine; index: LearningKnowledgeIndex }> {
  const index = emptyIndex(opts.policy);
  await index.addGradually(opts.kb, pause);
  return { decider: engine(opts, index), index };
}

type DeciderOptions = { policy: Policy; kb: Iterable<KnowledgeEntry>; llm?: Llm; replay?: boolean };

function emptyIndex(policy: Policy): LearningKnowledgeIndex {
  return new LearningKnowledgeIndex(new InvertedKnowledgeIndex([], audienceFilter(policy.accounts)), taxonomyExamples(policy), new TopicBook(policy.categories, policy.triage.unknown_topic_risk), policy.triage.unknown_category);
}

const engine = (opts: DeciderOptions, index: LearningKnowledgeIndex): TriageEngine =>
  createTriageEngine({ policy: opts.policy, kb: index, ...(opts.llm ? { llm: opts.llm } : {}), replay: opts.replay === true });
