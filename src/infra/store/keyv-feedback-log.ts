import type Keyv from 'keyv';
import type { FeedbackFact, FeedbackLog } from '../../core/ports/feedback-log.js';
import type { Locks } from '../../core/ports/locks.js';
import type { DaySequence } from './day-sequence.js';
import { KeyvDayLog } from './keyv-day-log.js';

/**
 * Answer votes and content gaps in a day log by the day of the answer or question: one appended slot
 * per record (no read, no lock), the latest slot of an id winning, so a second click on an answer
 * replaces its vote. Reads take only these small records, never the conversations.
 */
export class KeyvFeedbackLog implements FeedbackLog {
  private readonly days: KeyvDayLog<FeedbackFact>;

  constructor(keyv: Keyv, locks: Locks, sequence: DaySequence) {
    this.days = new KeyvDayLog(keyv, locks, sequence, 'feedback-day');
  }

  record(fact: FeedbackFact): Promise<void> {
    return this.days.append(fact.at, fact.id, fact);
  }

  async list(since: number, until: number): Promise<FeedbackFact[]> {
    return (await this.days.list(since, until)).filter((f) => f.at >= since && f.at < until);
  }
}
