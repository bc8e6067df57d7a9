import { existsSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadPolicy } from '../config/load-policy.js';
import { gapsCsv, loadFeedbackReview } from '../core/feedback/content-gaps.js';
import { nearestArticles, type NearestArticles } from '../core/feedback/nearest-articles.js';
import { openStores, type Stores } from '../infra/store/open-stores.js';
import { openCliStore } from './cli-store.js';
import { cliPaths } from './cli-env.js';
import { UsageError, type CliCommand } from './command.js';
import { sourcesIn } from './kb/open-sources.js';

const usage = `Usage: npm run baton -- gaps export [--days N] [--out FILE] [--config FILE]

Writes what Baton could not answer in the last N days as CSV, one row per topic, largest first:
questions handed over with nothing quotable in the knowledge (no_source) or with a draft below the
risk tier's confidence threshold (below_threshold), and answers customers marked "Not helpful". Each
row has the counts, how many accounts asked, up to three example questions, personal data redacted,
and the nearest article of each knowledge source of the policy (or "none"): fix it, or write one.

Reads the store named by BATON_STORE.

Options:
  --days N       the last N days (default 30)
  --out FILE     where to write the CSV (default baton-content-gaps.csv)
  --config FILE  the policy naming the knowledge sources (default: BATON_CONFIG, else config/baton.yaml when it exists)`;

export const gapsExportCommand: CliCommand = {
  name: 'gaps export',
  summary: 'Export what Baton could not answer, by topic with example questions, as CSV (redacted)',
  usage,
  async run(args) {
    const { values } = parseArgs({ args, options: { days: { type: 'string', default: '30' }, out: { type: 'string', default: 'baton-content-gaps.csv' }, config: { type: 'string' } } });
    const days = Number(values.days);
    if (!Number.isInteger(days) || days < 1) throw new UsageError('--days must be a whole number of days');
    const paths = cliPaths(values);
    const policy = paths.configNamed || existsSync(paths.config) ? loadPolicy(paths.config, process.env) : undefined;
    const stores = await openCliStore(paths.store, openStores);
    try {
      const { gaps } = await loadFeedbackReview(stores.feedback, Date.now(), days);
      writeFileSync(values.out, gapsCsv(gaps, policy ? await storedNearest(policy, stores) : undefined));
      const questions = gaps.reduce((n, g) => n + g.count, 0);
      process.stdout.write(`Content gaps of the last ${days} days written to ${values.out}: ${gaps.length} topics, ${questions} questions (examples redacted)\n`);
      return 0;
    } finally {
      await stores.close();
    }
  },
};

/** The nearest articles among the sources' content as the store holds it (what the running Baton answers from). */
async function storedNearest(policy: Parameters<typeof sourcesIn>[0], stores: Stores): Promise<NearestArticles> {
  const sources = sourcesIn(policy, stores);
  await sources.refresh();
  return nearestArticles(sources.entries(), sources.sources.map((s) => s.id));
}
