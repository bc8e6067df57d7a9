import { REPORT_DAYS, type ReportDays, type ReportRequest } from './report.js';

export type ParsedReportArgs = { ok: true; request: ReportRequest } | { ok: false; error: string };

/** `[7d|30d|90d] [category]` in any order; the default period is 7 days. */
export function parseReportArgs(words: string[], categories: string[]): ParsedReportArgs {
  let days: ReportDays = 7;
  let category: string | undefined;
  for (const word of words) {
    const period = /^(\d+)d$/i.exec(word);
    if (period) {
      const n = Number(period[1]);
      if (!(REPORT_DAYS as readonly number[]).includes(n)) return { ok: false, error: `The period can be ${REPORT_DAYS.map((d) => `${d}d`).join(', ')}.` };
      days = n as ReportDays;
    } else if (categories.includes(word)) {
      category = word;
    } else {
      return { ok: false, error: `"${word}" is neither a period (7d, 30d, 90d) nor a category (${categories.join(', ')}).` };
    }
  }
  return { ok: true, request: { days, ...(category ? { category } : {}) } };
}
