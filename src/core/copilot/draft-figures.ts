import type { AiAccuracy, DraftState } from '../escalation/escalation.js';
import type { PacketFacts } from '../metrics/facts.js';

/**
 * What a reviewed draft says of Baton's accuracy, on the close tag's scale: `/baton review` counts it so in
 * AI accuracy, and the training export labels an edited draft so.
 */
export const DRAFT_ACCURACY: Record<Exclude<DraftState, 'pending'>, AiAccuracy> = { sent: 'correct', edited: 'partially_correct', discarded: 'off_base' };

/** What the counts read of one copilot draft: when it was offered, its category, and what became of it. */
export interface DraftRow {
  openedAt: number;
  category: string;
  state: DraftState;
}

/**
 * Copilot drafts offered in a period, by what a specialist did with each (`waiting`: nobody has yet).
 * The acceptance rate is the share of reviewed drafts that reached the customer, as is or edited;
 * undefined while none was reviewed.
 */
export interface DraftTally {
  offered: number;
  sent: number;
  edited: number;
  discarded: number;
  waiting: number;
  acceptanceRate?: number;
}

export interface DraftCategoryRow {
  category: string;
  tally: DraftTally;
}

/** The one count of drafts that `/baton report`, `/baton review` and the playground all show. */
export interface DraftFigures {
  current: DraftTally;
  byCategory: DraftCategoryRow[];
}

/** The draft rows among a queue's packets (escalations are not drafts). */
export function draftRows(packets: PacketFacts[]): DraftRow[] {
  return packets.flatMap((p) => (p.draft ? [{ openedAt: p.openedAt, category: p.category, state: p.draft }] : []));
}

/** The drafts offered in [start, end), counted by what became of them. */
export function draftTally(rows: DraftRow[], start: number, end: number): DraftTally {
  const by: Record<DraftState, number> = { pending: 0, sent: 0, edited: 0, discarded: 0 };
  let offered = 0;
  for (const r of rows) {
    if (r.openedAt < start || r.openedAt >= end) continue;
    offered++;
    by[r.state]++;
  }
  const reviewed = by.sent + by.edited + by.discarded;
  return {
    offered,
    sent: by.sent,
    edited: by.edited,
    discarded: by.discarded,
    waiting: by.pending,
    ...(reviewed > 0 ? { acceptanceRate: (by.sent + by.edited) / reviewed } : {}),
  };
}

/** The period's drafts in total and per category, most offered first. */
export function draftFigures(rows: DraftRow[], start: number, end: number): DraftFigures {
  const categories = [...new Set(rows.filter((r) => r.openedAt >= start && r.openedAt < end).map((r) => r.category))];
  const byCategory = categories
    .map((category) => ({ category, tally: draftTally(rows.filter((r) => r.category === category), start, end) }))
    .sort((a, b) => b.tally.offered - a.tally.offered || a.category.localeCompare(b.category));
  return { current: draftTally(rows, start, end), byCategory };
}
