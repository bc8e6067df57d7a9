import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { hoursSchema } from '../../../src/config/hours-schema.js';
import { addBusinessTime, businessTimeBetween } from '../../../src/core/hours/business-time.js';
import { promiseWords } from '../../../src/core/hours/promise-copy.js';
import { slaHalfway } from '../../../src/core/hours/queue-sla.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const berlin = hoursSchema.parse({ timezone: 'Europe/Berlin', holidays: ['2026-12-07'] });
/** A local Berlin time as epoch ms. */
const at = (iso: string, zone = 'Europe/Berlin') => DateTime.fromISO(iso, { zone }).toMillis();
const local = (ms: number, zone = 'Europe/Berlin') => DateTime.fromMillis(ms, { zone }).toFormat("ccc yyyy-MM-dd HH:mm");

describe('business time', () => {
  it('counts only opening hours: Friday afternoon to Tuesday morning over a weekend and a Monday holiday', () => {
    expect(local(addBusinessTime(at('2026-12-04T16:30'), HOUR, berlin))).toBe('Tue 2026-12-08 09:30');
    expect(local(addBusinessTime(at('2026-12-04T18:00'), HOUR, berlin))).toBe('Tue 2026-12-08 10:00');
    expect(businessTimeBetween(at('2026-12-04T16:30'), at('2026-12-08T09:30'), berlin)).toBe(HOUR);
  });

  it('is plain wall time inside opening hours and for a queue without hours', () => {
    expect(local(addBusinessTime(at('2026-12-08T11:00'), HOUR, berlin))).toBe('Tue 2026-12-08 12:00');
    expect(addBusinessTime(at('2026-12-05T23:00'), HOUR, undefined)).toBe(at('2026-12-06T00:00'));
  });

  it('keeps local opening times across a daylight-saving change', () => {
    const hours = hoursSchema.parse({ timezone: 'Europe/Berlin' });
    // Clocks went back on Sunday 25 October 2026: Monday opens at 09:00 CET, 08:00 UTC.
    const due = addBusinessTime(at('2026-10-23T16:30'), HOUR, hours);
    expect(local(due)).toBe('Mon 2026-10-26 09:30');
    expect(new Date(due).toISOString()).toBe('2026-10-26T08:30:00.000Z');
  });

  it('puts the half-SLA nudge at half the business time, at the next opening when that is a closing time', () => {
    const opened = at('2026-12-04T16:30');
    const due = addBusinessTime(opened, HOUR, berlin);
    expect(local(slaHalfway(opened, due, { hours: berlin }))).toBe('Tue 2026-12-08 09:00');
    const earlier = at('2026-12-04T16:00');
    expect(local(slaHalfway(earlier, addBusinessTime(earlier, HOUR, berlin), { hours: berlin }))).toBe('Fri 2026-12-04 16:30');
    expect(slaHalfway(0, 60 * MIN, undefined)).toBe(30 * MIN);
  });
});

describe('the promise a customer hears', () => {
  const promise = (from: string, hours = berlin) => promiseWords(at(from, hours.timezone), addBusinessTime(at(from, hours.timezone), HOUR, hours), hours).when;

  it('names the local time when closed hours come first', () => {
    expect(promise('2026-12-04T18:00')).toBe('by 10:00 on Tuesday (Berlin time)');
    expect(promise('2026-12-08T07:00')).toBe('by 10:00 today (Berlin time)');
    const ny = hoursSchema.parse({ timezone: 'America/New_York', days: ['mon', 'tue', 'wed', 'thu', 'fri'], open: '08:00', close: '18:00' });
    expect(promise('2026-12-04T17:30', ny)).toBe('by 08:30 on Monday (New York time)');
  });

  it('gives the date when the time is more than a week off', () => {
    const winter = hoursSchema.parse({ timezone: 'Europe/Berlin', holidays: ['2026-12-24', '2026-12-25', '2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01'] });
    expect(promise('2026-12-23T17:30', winter)).toBe('by 10:00 on Monday 4 January (Berlin time)');
  });

  it('stays a duration while the queue is open until the due time', () => {
    expect(promise('2026-12-08T11:00')).toBe('within 1 hour');
    expect(promiseWords(0, 30 * MIN, undefined)).toEqual({ when: 'within 30 minutes', sla: '30 minutes' });
  });
});
