import { DateTime } from 'luxon';
import { z } from 'zod';
import { WEEKDAYS } from '../core/timers/weekday.js';

/** An IANA timezone name the runtime knows, e.g. Europe/Berlin. */
export const ianaTimeZone = z.string().refine((tz) => DateTime.local().setZone(tz).isValid, 'an IANA timezone such as Europe/Berlin');

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a 24-hour time such as 09:00');
const isoDate = z.string().refine((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && DateTime.fromISO(d).isValid, 'a date such as 2026-12-25');

/**
 * When a queue's specialists work. Its SLA counts only these hours: a promise made on Friday evening
 * runs from Monday's opening. Without `hours` a queue works around the clock.
 */
export const hoursSchema = z
  .object({
    timezone: ianaTimeZone,
    days: z.array(z.enum(WEEKDAYS)).min(1).default(['mon', 'tue', 'wed', 'thu', 'fri']),
    /** Local opening and closing times on each of `days`, closing after opening on the same day. */
    open: clockTime.default('09:00'),
    close: clockTime.default('17:00'),
    /** Local dates the queue is closed all day. */
    holidays: z.array(isoDate).default([]),
  })
  .strict()
  .refine((h) => h.open < h.close, { path: ['close'], message: 'a closing time after the opening time' });

export type BusinessHours = z.infer<typeof hoursSchema>;
