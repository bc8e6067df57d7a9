import type { KnowledgeSink } from '../ports/kb-candidates.js';
import type { KnowledgeEntry, KnowledgeHit, KnowledgeIndex } from '../ports/knowledge.js';
import { TopicClassifier } from '../triage/topic-classifier.js';

/**
 * The knowledge the decider reads, in its two shapes: the retrieval index (nearest entries, quotable
 * answers) and the topic classifier (what the message is about). Everything added goes into both, so an
 * approved KB candidate teaches the classifier as it answers the next question.
 */
export class LearningKnowledgeIndex implements KnowledgeIndex, KnowledgeSink {
  readonly classifier = new TopicClassifier();

  constructor(
    readonly index: KnowledgeIndex & KnowledgeSink,
    entries: Iterable<KnowledgeEntry> = [],
  ) {
    this.addAll(entries);
  }

  get size(): number {
    return this.index.size;
  }

  addAll(entries: Iterable<KnowledgeEntry>): void {
    const list = [...entries];
    this.index.addAll(list);
    for (const e of list) this.classifier.add(e);
  }

  search(text: string, scope: { accountId: string; limit: number }): KnowledgeHit[] {
    return this.index.search(text, scope);
  }

  topicEntries(topic: string, accountId: string): KnowledgeEntry[] {
    return this.index.topicEntries(topic, accountId);
  }
}
