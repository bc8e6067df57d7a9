import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readEnv } from '../config/env.js';
import { gapsCsv, loadFeedbackReview } from '../core/feedback/content-gaps.js';
import { openStores } from '../infra/store/open-stores.js';
import { UsageError, type CliCommand } from './command.js';

const usage = `Usage: npm run baton -- gaps export [--days N] [--out FILE]

Writes what Baton could not answer in the last N days as CSV, one row per topic, largest first:
questions handed over with nothing quotable in the knowledge (no_source) or with a draft below the
risk tier's confidence threshold (below_threshold), and answers customers marked "Not helpful". Each
row has the counts, how many accounts asked, and up to three example questions, personal data redacted.

Reads the store named by BATON_STORE.

Options:
  --days N     the last N days (default 30)
  --out FILE   where to write the CSV (default baton-content-gaps.csv)`;

export const gapsExportCommand: CliCommand = {
  name: 'gaps export',
  summary: 'Export what Baton could not answer, by topic with example questions, as CSV (redacted)',
  usage,
  async run(args) {
    const { values } = parseArgs({ args, options: { days: { type: 'string', default: '30' }, out: { type: 'string', default: 'baton-content-gaps.csv' } } });
    const days = Number(values.days);
    if (!Number.isInteger(days) || days < 1) throw new UsageError('--days must be a whole number of days');
    const stores = await openStores(readEnv().BATON_STORE);
    try {
      const { gaps } = await loadFeedbackReview(stores.feedback, Date.now(), days);
      writeFileSync(values.out, gapsCsv(gaps));
      const questions = gaps.reduce((n, g) => n + g.count, 0);
      process.stdout.write(`Content gaps of the last ${days} days written to ${values.out}: ${gaps.length} topics, ${questions} questions (examples redacted)\n`);
      return 0;
    } finally {
      await stores.close();
    }
  },
};
