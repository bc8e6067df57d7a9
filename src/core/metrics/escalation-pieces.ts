import type { TriggerType } from '../model/decision.js';
import type { EscalationRow } from './outcome-rows.js';

/**
 * The escalations of one queue, category and trigger, counted: what the queue and trigger rows and
 * the breaches read, so a report over a million escalations adds up a few hundred pieces a day
 * rather than walking every escalation. The times are kept whole, so percentiles stay exact.
 */
export interface EscalationPiece {
  queueId: string;
  category: string;
  trigger: TriggerType;
  count: number;
  /** Counted as of the summary's `computedAt`; the summary expires when an unclaimed one comes due. */
  breaches: number;
  /** Opening to the claim, to a person's first words, to the resolution, of those that have one. */
  claim: number[];
  firstResponse: number[];
  resolve: number[];
}

export function isBreach(e: EscalationRow, now: number): boolean {
  return e.breachedAt !== undefined || (e.claimedAt ?? now) > e.dueAt;
}

/** When an escalation's breach may first count differently than at `now`: an unclaimed one passing its due time. */
export function breachChangesAt(e: EscalationRow, now: number): number {
  return e.claimedAt === undefined && e.breachedAt === undefined && e.dueAt >= now ? e.dueAt + 1 : Infinity;
}

/** Counts rows into one piece per queue, category and trigger, breaches as of `now`. */
export function escalationPiecesOf(rows: EscalationRow[], now: number): EscalationPiece[] {
  const pieces = new Map<string, EscalationPiece>();
  for (const e of rows) {
    const key = `${e.queueId}\n${e.category}\n${e.trigger}`;
    let piece = pieces.get(key);
    if (!piece) {
      piece = { queueId: e.queueId, category: e.category, trigger: e.trigger, count: 0, breaches: 0, claim: [], firstResponse: [], resolve: [] };
      pieces.set(key, piece);
    }
    piece.count++;
    if (isBreach(e, now)) piece.breaches++;
    if (e.claimedAt !== undefined) piece.claim.push(e.claimedAt - e.openedAt);
    if (e.firstResponseAt !== undefined) piece.firstResponse.push(e.firstResponseAt - e.openedAt);
    if (e.resolvedAt !== undefined) piece.resolve.push(e.resolvedAt - e.openedAt);
  }
  return [...pieces.values()];
}
