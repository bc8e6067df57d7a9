import type { Policy } from '../../config/policy-schema.js';
import { weekdayIndex } from './weekday.js';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** The wall-clock fields of `at` in `timeZone`, read back as if they were UTC: its local time as a number. */
function localAsUtc(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
}

/**
 * The most recent digest time at or before `now` (epoch ms): the configured weekday and hour in the
 * configured timezone. The offset is taken at `now`, so a slot across a DST change may be an hour off.
 */
export function latestDigestSlot(now: number, digest: Policy['digest']): number {
  const local = localAsUtc(now, digest.timezone);
  const offset = local - now;
  const localDayStart = local - (local % DAY);
  const weekday = new Date(localDayStart).getUTCDay();
  const back = (weekday - weekdayIndex(digest.weekday) + 7) % 7;
  let slot = localDayStart - back * DAY + digest.hour * HOUR;
  if (slot > local) slot -= 7 * DAY;
  return slot - offset;
}
