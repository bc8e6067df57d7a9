import { gapsCsv, loadFeedbackReview } from '../../core/feedback/content-gaps.js';
import { nearestInKnowledge } from '../../core/feedback/nearest-articles.js';
import { DEFAULT_REPORT_DAYS, reportPeriod } from '../../core/metrics/report-command.js';
import { pluralize } from '../render/pluralize.js';
import { utcDayLabel } from '../render/report-format.js';
import { loopDeps } from './loop-deps.js';
import type { Subcommand } from './subcommand.js';

const daysOf = (args: string[]) => (args[0] ? reportPeriod(args[0]) : DEFAULT_REPORT_DAYS);

/** `/baton gaps [7d|30d|90d]`: every content gap of the period as CSV, in the lead's DM (the review shows the largest). */
export const gapsSubcommand: Subcommand = {
  name: 'gaps',
  usage: '`/baton gaps [7d|30d|90d]`',
  check: (_deps, args) => (args.length > 1 || daysOf(args) === undefined ? 'The content gaps take one period: 7d, 30d or 90d.' : undefined),
  accepted: () => 'Collecting what Baton could not answer; the CSV will be in your DM with Baton.',
  async run(deps, dm, args) {
    const core = loopDeps(deps);
    const days = daysOf(args) ?? DEFAULT_REPORT_DAYS;
    const now = core.clock.now();
    const { gaps } = await loadFeedbackReview(core.loop.feedback, now, days);
    if (gaps.length === 0) {
      await dm.send({ text: `No content gaps in the last ${days} days: Baton had an answer for every question.` });
      return;
    }
    const questions = gaps.reduce((n, g) => n + g.count, 0);
    const text = `Content gaps, last ${days} days: ${pluralize(questions, 'question')} in ${pluralize(gaps.length, 'topic')}, example questions redacted.`;
    await dm.send({ text }, [{ filename: `baton-content-gaps-${utcDayLabel(now)}.csv`, title: 'Content gaps by topic (CSV)', bytes: Buffer.from(gapsCsv(gaps, nearestInKnowledge(core))) }]);
  },
};
