import { loadReport } from '../../core/metrics/load-report.js';
import { DEFAULT_REPORT_DAYS, QUARTER_WORD, parseReportArgs, reportPeriod } from '../../core/metrics/report-command.js';
import { reportChart } from '../render/report-chart.js';
import { renderReportBlocks, reportFallback } from '../render/report-blocks.js';
import type { SlackDeps } from '../slack-deps.js';
import { loopDeps } from './loop-deps.js';
import type { Subcommand } from './subcommand.js';

/** `/baton report [7d|30d|90d|quarter] [category]`: the figures and the trend chart, in the lead's DM. */
export const reportSubcommand: Subcommand = {
  name: 'report',
  usage: '`/baton report [7d|30d|90d|quarter] [category]`',
  check: (deps, args) => {
    const parsed = parseReportArgs(args, deps.core.policy.categories.map((c) => c.name));
    return parsed.ok ? undefined : parsed.error;
  },
  accepted: (args) => {
    // The last period word wins, as in parseReportArgs.
    const words = args.map((w) => w.toLowerCase()).filter((w) => w === QUARTER_WORD || reportPeriod(w) !== undefined);
    return `Building your ${words.at(-1) ?? `${DEFAULT_REPORT_DAYS}d`} report; it will be in your DM with Baton in a moment.`;
  },
  async run(deps: SlackDeps, dm, args) {
    const parsed = parseReportArgs(args, deps.core.policy.categories.map((c) => c.name));
    if (!parsed.ok) return;
    const report = await loadReport(loopDeps(deps), parsed.request);
    await dm.send({ text: reportFallback(report), blocks: renderReportBlocks(report) }, [reportChart(report)], 'Escalation rate, CSAT, FCR and healthy share over the period');
  },
};
