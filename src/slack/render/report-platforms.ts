import type { ReportView } from '../../core/metrics/report.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { pluralize } from './pluralize.js';
import { pct } from './report-format.js';

/** The report's "By platform" section: each platform's escalation rate, CSAT and FCR for the period. */
export function platformLines(v: ReportView): string {
  const rows = v.platforms.map(({ label, figures: f }) =>
    `• *${escapeMrkdwn(label)}*: ${pluralize(f.matters, 'conversation')} · escalated ${pct(f.escalationRate)} · CSAT ${pct(f.csat.score)} of ${pluralize(f.csat.rated, 'rating')} · FCR ${pct(f.fcrRate)}`,
  );
  return rows.length > 0 ? `*By platform*\n${rows.join('\n')}` : '*By platform*\nNo conversations in this period.';
}
