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

const keyOf = (day: number, category: string, platform: Platform | undefined) => `${day}\n${category}\n${platform ?? ''}`;

/** Counts rows into one piece per calendar day in `zone`, category and platform. */
export function piecesOf(rows: OutcomeRow[], zone: string): Piece[] {
  const dayOf = zoneDayOf(zone);
  const pieces = new Map<string, Piece>();
  for (const r of rows) {
    const day = dayOf(r.createdAt);
    const key = keyOf(day, r.outcome.category, r.platform);
    let piece = pieces.get(key);
    if (!piece) {
      piece = { day, category: r.outcome.category, ...(r.platform ? { platform: r.platform } : {}), tally: emptyTally() };
      pieces.set(key, piece);
    }
    count(piece.tally, r);
  }
  return [...pieces.values()];
}

/**
 * The pieces of `rows` (counted in `pieces`) once the rows `gone` are replaced by `fresh`: the tallies of
 * the ones replaced taken out and those of the fresh added, rather than every row counted again; undefined
 * when a piece might be left with no row (a replaced row's piece has no fresh one), which only a recount tells.
 */
export function replacedIn(pieces: Piece[], gone: OutcomeRow[], fresh: OutcomeRow[], zone: string): Piece[] | undefined {
  const added = new Map(piecesOf(fresh, zone).map((p) => [keyOf(p.day, p.category, p.platform), p]));
  const taken = new Map(piecesOf(gone, zone).map((p) => [keyOf(p.day, p.category, p.platform), p]));
  if ([...taken.keys()].some((k) => !added.has(k))) return undefined;
  const next = pieces.map((p) => {
    const key = keyOf(p.day, p.category, p.platform);
    const [minus, plus] = [taken.get(key), added.get(key)];
    added.delete(key);
    if (!minus && !plus) return p;
    const tally = emptyTally();
    addTally(tally, p.tally);
    if (minus) addTally(tally, minus.tally, -1);
    if (plus) addTally(tally, plus.tally);
    return { ...p, tally };
  });
  return [...next, ...added.values()];
}

export function sumOf(pieces: Piece[]): Tally {
  const total = emptyTally();
  for (const p of pieces) addTally(total, p.tally);
  return total;
}
