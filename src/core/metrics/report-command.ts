import { REPORT_DAYS, type ReportDays, type ReportRequest } from './report.js';

export type ParsedReportArgs = { ok: true; request: ReportRequest } | { ok: false; error: string };

export const DEFAULT_REPORT_DAYS: ReportDays = 7;

/** The period a word names ("7d", "30d", "90d"); any other word, a category ending in "d" too, names none. */
export function reportPeriod(word: string): ReportDays | undefined {
  return REPORT_DAYS.find((d) => word.toLowerCase() === `${d}d`);
}

/** The word that asks for the calendar quarter so far. */
export const QUARTER_WORD = 'quarter';

/** `[7d|30d|90d|quarter] [category]` in any order; the default period is 7 days. */
export function parseReportArgs(words: string[], categories: string[]): ParsedReportArgs {
  let days: ReportDays = DEFAULT_REPORT_DAYS;
  let quarter = false;
  let category: string | undefined;
  for (const word of words) {
    const period = reportPeriod(word);
    if (period) {
      days = period;
      quarter = false;
    } else if (word.toLowerCase() === QUARTER_WORD) {
      days = 90;
      quarter = true;
    } else if (categories.includes(word)) {
      category = word;
    } else if (/^\d+d$/i.test(word)) {
      return { ok: false, error: `The period can be ${REPORT_DAYS.map((d) => `${d}d`).join(', ')} or ${QUARTER_WORD}.` };
    } else {
      return { ok: false, error: `"${word}" is neither a period (7d, 30d, 90d, ${QUARTER_WORD}) nor a category (${categories.join(', ')}).` };
    }
  }
  return { ok: true, request: { days, ...(quarter ? { quarter } : {}), ...(category ? { category } : {}) } };
}
