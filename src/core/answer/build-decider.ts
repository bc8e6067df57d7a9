import type { Policy } from '../../config/policy-schema.js';
import type { KnowledgeEntry } from '../ports/knowledge.js';
import type { Llm } from '../ports/llm.js';
import { TopicBook } from '../policy/topic-policy.js';
import { audienceFilter } from './audience.js';
import { TopicClassifier, type TopicClassifierState } from '../triage/topic-classifier.js';
import type { EntryColumn } from './entry-column.js';
import { InvertedKnowledgeIndex, type KnowledgeIndexState } from './knowledge-index.js';
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
export function buildDeciderWithIndex(opts: DeciderOptions): BuiltDecider {
  const built = emptyIndex(opts.policy);
  built.index.addAll(opts.kb);
  return withEngine(opts, built);
}

/** The same, built a step at a time (see LearningKnowledgeIndex.addGradually): `pause` is told how many entries are in. */
export async function buildDeciderGradually(opts: DeciderOptions, pause: (added: number) => Promise<void>): Promise<BuiltDecider> {
  const built = emptyIndex(opts.policy);
  await built.index.addGradually(opts.kb, pause);
  return withEngine(opts, built);
}

/**
 * A decider over knowledge as `BuiltDecider.saved` saved it, with its entries read from `entries`:
 * nothing is indexed again. The policy must be the one it was built with.
 */
export function deciderFromSaved(opts: Omit<DeciderOptions, 'kb'>, saved: SavedKnowledge, entries: EntryColumn): BuiltDecider {
  const retrieval = new InvertedKnowledgeIndex([], audienceFilter(opts.policy.accounts), { state: saved.index, entries });
  return withEngine(opts, { retrieval, index: learningIndex(opts.policy, retrieval, [], new TopicClassifier(saved.classifier)) });
}

/** All a built decider's knowledge holds but its entries: what is saved to start again without indexing. */
export interface SavedKnowledge {
  index: KnowledgeIndexState;
  classifier: TopicClassifierState;
}

export interface BuiltDecider {
  decider: TriageEngine;
  index: LearningKnowledgeIndex;
  /** The knowledge as it is now, to save: its state, and its entries by document number (undefined: replaced). */
  saved(): { state: SavedKnowledge; documents: (KnowledgeEntry | undefined)[] };
}

type DeciderOptions = { policy: Policy; kb: Iterable<KnowledgeEntry>; llm?: Llm; replay?: boolean };
type Indexes = { retrieval: InvertedKnowledgeIndex; index: LearningKnowledgeIndex };

function emptyIndex(policy: Policy): Indexes {
  const retrieval = new InvertedKnowledgeIndex([], audienceFilter(policy.accounts));
  return { retrieval, index: learningIndex(policy, retrieval, taxonomyExamples(policy)) };
}

const learningIndex = (policy: Policy, retrieval: InvertedKnowledgeIndex, examples: KnowledgeEntry[], classifier?: TopicClassifier) =>
  new LearningKnowledgeIndex(retrieval, examples, new TopicBook(policy.categories, policy.triage.unknown_topic_risk), policy.triage.unknown_category, classifier);

const withEngine = (opts: Omit<DeciderOptions, 'kb'>, { retrieval, index }: Indexes): BuiltDecider => ({
  decider: engine(opts, index),
  index,
  saved: () => ({ state: { index: retrieval.state(), classifier: index.classifier.state() }, documents: retrieval.documents() }),
});

const engine = (opts: Omit<DeciderOptions, 'kb'>, index: LearningKnowledgeIndex): TriageEngine =>
  createTriageEngine({ policy: opts.policy, kb: index, ...(opts.llm ? { llm: opts.llm } : {}), replay: opts.replay === true });
