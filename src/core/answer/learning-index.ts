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
    const list = [...entries].map((e) => (e.category ? e : this.categorized(e)));
    this.index.addAll(list);
    for (const e of list) this.classifier.add(e);
  }

  /**
   * A doc or an export without a category is filed under the category the taxonomy (and the knowledge
   * known so far) reads in its question, so its answer can serve questions of that category.
   */
  private categorized(entry: KnowledgeEntry): KnowledgeEntry {
    const totals = new Map<string, number>();
    for (const s of this.classifier.classify(entry.question, entry.account ?? '')) {
      if (s.cls.category) totals.set(s.cls.category, (totals.get(s.cls.category) ?? 0) + s.p);
    }
    const [category] = [...totals].sort((a, b) => b[1] - a[1])[0] ?? [];
    return category ? { ...entry, category } : entry;
  }

  search(text: string, scope: { accountId: string; limit: number }): KnowledgeHit[] {
    return this.index.search(text, scope);
  }

  topicEntries(topic: string, accountId: string): KnowledgeEntry[] {
    return this.index.topicEntries(topic, accountId);
  }
}
