/**
 * The weekdays a digest can be scheduled on, in `Date.getUTCDay()` order (Sunday is 0). The config
 * schema validates against this list, so the names it accepts and the index the schedule reads agree.
 */
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export function weekdayIndex(day: Weekday): number {
  return WEEKDAYS.indexOf(day);
}
