import type { FeedbackFact, FeedbackLog } from '../../src/core/ports/feedback-log.js';

/** The feedback log port in memory: the latest record of each id, as the day log keeps it. */
export class InMemoryFeedbackLog implements FeedbackLog {
  readonly records = new Map<string, FeedbackFact>();

  async record(fact: FeedbackFact): Promise<void> {
    this.records.set(fact.id, fact);
  }

  async list(since: number, until: number): Promise<FeedbackFact[]> {
    return [...this.records.values()].filter((f) => f.at >= since && f.at < until);
  }
}
