import type { DraftRow } from '../copilot/draft-figures.js';
import { platformOfKey, type Platform } from '../model/conversation-ref.js';
import type { CsatRecord } from '../ports/csat-store.js';
import type { ConversationFacts, EscalationFacts } from './facts.js';
import type { RatedOutcome } from './figures.js';
import { classifyConversation, type ConversationOutcome, type OutcomeRules } from './outcomes.js';

/** Facts covering the current and the previous period (the stores are asked for both at once). */
export interface ReportInput {
  conversations: ConversationFacts[];
  escalations: EscalationFacts[];
  csat: CsatRecord[];
  /** Copilot drafts offered, for the report's draft counts; they play no part in any outcome. */
  drafts?: DraftRow[];
}

/** One conversation as the report counts it: its outcome, its rating, when it started and on which platform. */
export interface OutcomeRow extends RatedOutcome {
  createdAt: number;
  /** Undefined only for a key of no known platform (never written by Baton). */
  platform?: Platform;
  /**
   * The next moment the outcome may differ on the same facts (Infinity when none), so a stored day
   * classifies again only the rows whose time ran out; absent in summaries stored before rows kept it.
   */
  changesAt?: number;
}

/** What the queue and trigger rows and SLA breaches read of an escalation. */
export type EscalationRow = Pick<EscalationFacts, 'openedAt' | 'category' | 'queueId' | 'trigger' | 'dueAt' | 'claimedAt' | 'firstResponseAt' | 'resolvedAt' | 'breachedAt'>;

/** Everything a report is built from, whether freshly classified or read from stored day summaries. */
export interface ReportRows {
  conversations: OutcomeRow[];
  escalations: EscalationRow[];
  drafts?: DraftRow[];
}

export function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Classifies every conversation of the input as of `now`, joined with its escalations and its rating. */
export function classifyRows(input: ReportInput, now: number, rules: OutcomeRules): (OutcomeRow & { outcome: ConversationOutcome })[] {
  const byConversation = groupBy(input.escalations, (e) => e.conversationKey);
  const ratings = new Map<string, number>();
  for (const r of input.csat) if (r.rating !== undefined) ratings.set(r.conversationKey, r.rating);
  return input.conversations.map((c) => {
    const outcome = classifyConversation(c, byConversation.get(c.key) ?? [], now, rules);
    return {
      outcome,
      rating: ratings.get(c.key),
      createdAt: c.createdAt,
      platform: platformOfKey(c.key),
      changesAt: outcome.changesAt,
      ...(c.clarify ? { clarify: c.clarify } : {}),
    };
  });
}
