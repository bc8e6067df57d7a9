import { DateTime } from 'luxon';
import type { BusinessHours } from '../../config/hours-schema.js';
import { WEEKDAYS } from '../timers/weekday.js';
import { BatonError } from '../errors/error-catalogue.js';

/** Business time is searched this many days ahead at most; the schema guarantees an open weekday. */
const HORIZON_DAYS = 400;

/** The open interval (epoch ms) of the local day starting at `day`, or none on a closed day or holiday. */
function windowOf(day: DateTime, hours: BusinessHours): [number, number] | undefined {
  // Luxon's weekday is 1 (Monday) to 7 (Sunday); WEEKDAYS starts on Sunday.
  if (!hours.days.includes(WEEKDAYS[day.weekday % 7]!)) return undefined;
  if (hours.holidays.includes(day.toISODate() ?? '')) return undefined;
  const at = (hhmm: string) => {
    const [hour, minute] = hhmm.split(':').map(Number);
    return day.set({ hour, minute }).toMillis();
  };
  return [at(hours.open), at(hours.close)];
}

/** Each local day's open interval from the day holding `from` onwards, clipped to start at `from`. */
function* windowsFrom(from: number, hours: BusinessHours): Generator<[number, number]> {
  let day = DateTime.fromMillis(from, { zone: hours.timezone }).startOf('day');
  for (let i = 0; i < HORIZON_DAYS; i++, day = day.plus({ days: 1 })) {
    const window = windowOf(day, hours);
    if (window && window[1] > from) yield [Math.max(window[0], from), window[1]];
  }
}

/**
 * The moment `ms` of business time after `start`: the SLA's due time. Without hours, plain wall time.
 * Zero business time from a closed moment is the next opening.
 */
export function addBusinessTime(start: number, ms: number, hours: BusinessHours | undefined): number {
  if (!hours) return start + ms;
  let left = ms;
  for (const [open, close] of windowsFrom(start, hours)) {
    if (left <= close - open) return open + left;
    left -= close - open;
  }
  throw new BatonError('BATON_NO_BUSINESS_HOURS', `no business hours within ${HORIZON_DAYS} days in ${hours.timezone}`);
}

/** Business time (ms) between `from` and `to`; without hours, plain wall time. */
export function businessTimeBetween(from: number, to: number, hours: BusinessHours | undefined): number {
  if (!hours) return Math.max(0, to - from);
  let total = 0;
  for (const [open, close] of windowsFrom(from, hours)) {
    if (open >= to) break;
    total += Math.min(close, to) - open;
  }
  return total;
}
