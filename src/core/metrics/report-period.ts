/** The period a report covers (rolling `days`, or the calendar quarter so far), and its category if one. */
type ReportPeriod = { days: number; quarter?: boolean; category?: string };

const DAY = 24 * 60 * 60 * 1000;

export interface PeriodBounds {
  /** The period reported: [start, now). */
  start: number;
  /** The period it is compared with: [previousStart, start). */
  previousStart: number;
}

/** The first moment (UTC) of the calendar quarter `offset` quarters from the one holding `t`. */
function quarterStart(t: number, offset = 0): number {
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) * 3 + offset * 3, 1);
}

/**
 * A rolling period is the `days` before now, compared with the `days` before that. A quarter is the
 * calendar quarter (UTC) so far, compared with the whole quarter before it: its rates compare fairly,
 * its counts cover a shorter span until the quarter ends.
 */
export function periodBounds(request: ReportPeriod, now: number): PeriodBounds {
  if (request.quarter) return { start: quarterStart(now), previousStart: quarterStart(now, -1) };
  const start = now - request.days * DAY;
  return { start, previousStart: start - request.days * DAY };
}

/** "last 7 days", or "Q4 2026 to date" for a quarter. */
export function periodLabel(request: ReportPeriod, start: number): string {
  if (!request.quarter) return `last ${request.days} days`;
  const d = new Date(start);
  return `Q${Math.floor(d.getUTCMonth() / 3) + 1} ${d.getUTCFullYear()} to date`;
}

/** The report chart's title, the same wherever the chart is drawn (Slack's PNG, the playground). */
export function chartTitle(request: ReportPeriod, start: number): string {
  return `Escalation rate, CSAT, FCR and healthy share, ${periodLabel(request, start)}${request.category ? ` (${request.category})` : ''}`;
}

/** What the trend is compared with, as the report's footnote says it. */
export function previousLabel(request: ReportPeriod): string {
  return request.quarter ? 'the whole previous quarter' : `the ${request.days} days before`;
}
