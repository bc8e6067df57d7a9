import type { KnowledgeSink } from '../ports/kb-candidates.js';
import type { KnowledgeEntry, KnowledgeHit, KnowledgeIndex, Reader, SearchScope } from '../ports/knowledge.js';
import { TopicBook } from '../policy/topic-policy.js';
import { TopicClassifier } from '../triage/topic-classifier.js';

/** Entries indexed between two pauses of a gradual build: a few milliseconds of work. */
const STEP = 2000;

/** The share of its reading a category must hold for an unfiled entry to be filed under it: most of it. */
const FILED_SHARE = 0.5;

/**
 * The knowledge the decider reads, in its two shapes: the retrieval index (nearest entries, quotable
 * answers) and the topic classifier (what the message is about). Everything added goes into both, so an
 * approved KB candidate teaches the classifier as it answers the next question.
 */
export class LearningKnowledgeIndex implements KnowledgeIndex, KnowledgeSink {
  constructor(
    readonly index: KnowledgeIndex & KnowledgeSink,
    entries: Iterable<KnowledgeEntry> = [],
    /** The policy's topics: an entry of a named topic is filed under its category and tier. */
    readonly topics: TopicBook = new TopicBook([]),
    /** Where a topic goes that a policy listing topics does not name: not something Baton answers. */
    private readonly unlisted = 'out_of_scope',
    /** The topic classifier: a new one, or one loaded as it was saved. */
    readonly classifier = new TopicClassifier(),
  ) {
    this.addAll(entries);
  }

  get size(): number {
    return this.index.size;
  }

  /**
   * Entries the policy or the export files come first; then each remaining topic is filed, as a whole,
   * under the category its questions read as against everything known (a topic's own category is the
   * one most of its questions belong to); then loose entries (docs) one by one.
   */
  addAll(entries: Iterable<KnowledgeEntry>): void {
    for (const _ of this.adding(entries));
  }

  /**
   * The same, pausing every few thousand entries (`pause` is told how many are in): a start answers
   * HTTP while a large knowledge base is indexed.
   */
  async addGradually(entries: Iterable<KnowledgeEntry>, pause: (added: number) => Promise<void>): Promise<void> {
    for (const added of this.adding(entries)) await pause(added);
  }

  /** addAll's work, yielding the count added so far after each step of STEP entries. */
  private *adding(entries: Iterable<KnowledgeEntry>): Generator<number> {
    const filed: KnowledgeEntry[] = [];
    const byTopic = new Map<string, KnowledgeEntry[]>();
    const loose: KnowledgeEntry[] = [];
    for (const raw of entries) {
      const e = this.topics.file(raw, this.unlisted);
      if (e.category) filed.push(e);
      else if (e.topic !== undefined) byTopic.set(e.topic, byTopic.get(e.topic) ?? []).get(e.topic)!.push(e);
      else loose.push(e);
    }
    let added = 0;
    for (const list of [() => filed, () => [...byTopic.values()].flatMap((group) => this.categorized(group)), () => loose.flatMap((e) => this.categorized([e]))]) {
      // Each list is taken only once the one before it is in: the classifier files it against what is known.
      const batch = list();
      for (let i = 0; i < batch.length; i += STEP) {
        const step = batch.slice(i, i + STEP);
        this.index.addAll(step);
        for (const e of step) this.classifier.add(e);
        added += step.length;
        yield added;
      }
      this.classifier.settle();
    }
  }

  /**
   * Entries without a category (a doc, an export's topic the policy does not name) are filed under the
   * category the taxonomy and the knowledge filed so far read in their questions, summed over them, so
   * their answers serve questions of that category, when that category holds most of the reading. Below
   * that the policy's few examples and the knowledge only guess (a heading such as "Set up your identity
   * provider" shares little with them): the entries stay unfiled, answering questions of whatever
   * category the questions' own words read as, without voting on it (see gatherEvidence).
   */
  private categorized(group: KnowledgeEntry[]): KnowledgeEntry[] {
    const totals = new Map<string, number>();
    for (const entry of group) {
      for (const s of this.classifier.classify(entry.question, entry.account ?? '', { filedOnly: true })) {
        if (s.cls.category) totals.set(s.cls.category, (totals.get(s.cls.category) ?? 0) + s.p);
      }
    }
    const [category, sum = 0] = [...totals].sort((a, b) => b[1] - a[1])[0] ?? [];
    return category && sum / group.length > FILED_SHARE ? group.map((e) => ({ ...e, category })) : group;
  }

  search(text: string, scope: SearchScope): KnowledgeHit[] {
    return this.index.search(text, scope);
  }

  topicEntries(topic: string, accountId: string, reader?: Reader): Iterable<KnowledgeEntry> {
    return this.index.topicEntries(topic, accountId, reader);
  }

  topicAnswers(topic: string, accountId: string, reader: Reader): Iterable<KnowledgeEntry> {
    return this.index.topicAnswers(topic, accountId, reader);
  }
}
