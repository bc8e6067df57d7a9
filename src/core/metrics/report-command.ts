import { REPORT_DAYS, type ReportDays, type ReportRequest } from './report.js';

export type ParsedReportArgs = { ok: true; request: ReportRequest } | { ok: false; error: string };

export const DEFAULT_REPORT_DAYS: ReportDays = 7;

/** The period a word names ("7d", "30d", "90d"); any other word, a category ending in "d" too, names none. */
export function reportPeriod(word: string): ReportDays | undefined {
  return REPORT_DAYS.find((d) => word.toLowerCase() === `${d}d`);
}

/** `[7d|30d|90d] [category]` in any order; the default period is 7 days. */
export function parseReportArgs(words: string[], categories: string[]): ParsedReportArgs {
  let days: ReportDays = DEFAULT_REPORT_DAYS;
  let category: string | undefined;
  for (const word of words) {
    const period = reportPeriod(word);
    if (period) {
      days = period;
    } else if (categories.includes(word)) {
      category = word;
    } else if (/^\d+d$/i.test(word)) {
      return { ok: false, error: `The period can be ${REPORT_DAYS.map((d) => `${d}d`).join(', ')}.` };
    } else {
      return { ok: false, error: `"${word}" is neither a period (7d, 30d, 90d) nor a category (${categories.join(', ')}).` };
    }
  }
  return { ok: true, request: { days, ...(category ? { category } : {}) } };
}
