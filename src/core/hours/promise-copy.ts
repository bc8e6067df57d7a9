import { DateTime } from 'luxon';
import type { BusinessHours } from '../../config/hours-schema.js';
import { humanDuration } from '../handoff/customer-copy.js';
import { businessTimeBetween } from './business-time.js';

const MINUTE = 60_000;

/** "Berlin time" for Europe/Berlin, "New York time" for America/New_York; the zone's abbreviation otherwise. */
function zoneLabel(due: DateTime, timezone: string): string {
  const city = /^[A-Za-z]+\/(?:[A-Za-z_]+\/)?([A-Za-z_]+)$/.exec(timezone)?.[1];
  return city && !timezone.startsWith('Etc/') ? `${city.replace(/_/g, ' ')} time` : due.toFormat('ZZZZ');
}

/**
 * The local time a promise is kept by, as a customer reads it: "10:00 on Tuesday (Berlin time)", "09:30
 * today (...)", a date when it is more than a week off. To the nearest minute: seconds are no promise.
 */
export function localDueTime(due: number, now: number, timezone: string): string {
  const at = DateTime.fromMillis(Math.round(due / MINUTE) * MINUTE, { zone: timezone }).setLocale('en-GB');
  const today = DateTime.fromMillis(now, { zone: timezone }).startOf('day');
  const daysAhead = Math.round(at.startOf('day').diff(today, 'days').days);
  const day = daysAhead <= 0 ? 'today' : daysAhead < 7 ? `on ${at.toFormat('cccc')}` : `on ${at.toFormat('cccc d LLLL')}`;
  return `${at.toFormat('HH:mm')} ${day} (${zoneLabel(at, timezone)})`;
}

/**
 * How a customer hears when a person will be there: "within 1 hour" while the queue is open all the way
 * to the due time, "by 10:00 on Tuesday (Berlin time)" when closed hours fall in between, since a
 * duration would then mislead. `{sla}` in custom copy stays a duration: the wall time until due.
 */
export function promiseWords(now: number, due: number, hours: BusinessHours | undefined): { when: string; sla: string } {
  const wallMinutes = Math.max(1, Math.ceil((due - now) / MINUTE));
  const sla = humanDuration(wallMinutes);
  const interrupted = hours !== undefined && businessTimeBetween(now, due, hours) < due - now;
  return { when: interrupted ? `by ${localDueTime(due, now, hours.timezone)}` : `within ${sla}`, sla };
}
