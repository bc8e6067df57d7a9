import type { DaySummary } from '../metrics/day-summary.js';
import type { ConversationFacts, PacketFacts } from '../metrics/facts.js';

/**
 * A day's stored summary with the day's version: the version changes on every write of a fact the day
 * depends on, and a summary is only returned while it was built at the current version.
 */
export interface StoredDaySummary {
  day: number;
  version: string;
  summary?: DaySummary;
  /**
   * Where the day's summary was built before some of its writes and the store knows every one of them:
   * that summary (with its rows), the creation times of the day's conversations they changed, and whether
   * they changed the day's escalations. A report classifies those again instead of the day whole.
   */
  outdated?: { summary: DaySummary; conversations: number[]; escalations: boolean };
}

/** Read side of the compact facts the stores keep up to date on every write (see metrics/facts.ts). */
export interface FactsStore {
  /** Conversations created in [since, until). */
  conversationsCreated(since: number, until: number): Promise<ConversationFacts[]>;
  /**
   * Packets opened in [since, until): escalations and copilot drafts (`isHandoff` tells them apart); only
   * those of the conversations `of` names when given.
   */
  escalationsOpened(since: number, until: number, of?: string[]): Promise<PacketFacts[]>;
  /**
   * The summaries of these UTC days (see metrics/day-summary.ts), read before the facts they are rebuilt from.
   * Only those `withRows` picks (by their counts), and outdated ones, come with their conversation and
   * escalation rows; reading another's throws. Without it, none do.
   */
  daySummaries(days: number[], withRows?: (s: DaySummary) => boolean): Promise<StoredDaySummary[]>;
  /** Stores a summary built from facts read after `version` was. */
  saveDaySummary(version: string, summary: DaySummary): Promise<void>;
}
