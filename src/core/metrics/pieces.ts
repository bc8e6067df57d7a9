import { DateTime } from 'luxon';
import type { Platform } from '../model/conversation-ref.js';
import { addTally, count, emptyTally, type Tally } from './figures.js';
import type { OutcomeRow } from './outcome-rows.js';

/** The conversations of one calendar day (in the report's zone), category and platform, counted. */
export interface Piece {
  /** Epoch ms of the day's midnight in the zone the piece was counted in. */
  day: number;
  category: string;
  platform?: Platform;
  tally: Tally;
}

/** The start of the calendar day in `zone` holding a time; remembers the last few days, as rows come a day at a time. */
export function zoneDayOf(zone: string): (t: number) => number {
  const known: [from: number, to: number][] = [];
  return (t) => {
    for (const [from, to] of known) if (t >= from && t < to) return from;
    const start = DateTime.fromMillis(t, { zone }).startOf('day');
    known.push([start.toMillis(), start.plus({ days: 1 }).toMillis()]);
    if (known.length > 4) known.shift();
    return start.toMillis();
  };
}

/** Counts rows into one piece per calendar day in `zone`, category and platform. */
export function piecesOf(rows: OutcomeRow[], zone: string): Piece[] {
  const dayOf = zoneDayOf(zone);
  const pieces = new Map<string, Piece>();
  for (const r of rows) {
    const day = dayOf(r.createdAt);
    const key = `${day}\n${r.outcome.category}\n${r.platform ?? ''}`;
    let piece = pieces.get(key);
    if (!piece) {
      piece = { day, category: r.outcome.category, ...(r.platform ? { platform: r.platform } : {}), tally: emptyTally() };
      pieces.set(key, piece);
    }
    count(piece.tally, r);
  }
  return [...pieces.values()];
}

export function sumOf(pieces: Piece[]): Tally {
  const total = emptyTally();
  for (const p of pieces) addTally(total, p.tally);
  return total;
}
