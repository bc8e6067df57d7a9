import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { loadPolicy } from '../config/load-policy.js';
import { JsonlKnowledgeStore } from '../infra/knowledge/jsonl-knowledge-store.js';
import { UsageError, type CliCommand } from './command.js';
import { formatSummary, ingest } from './kb/ingest.js';

export const DEFAULT_KB = 'data/knowledge.jsonl';
const DEFAULT_CONFIG = 'config/baton.yaml';

const usage = `Usage: npm run baton -- kb ingest [options] <file-or-dir>...

Imports resolved conversations (whole threads) and docs into the knowledge base. Re-importing the
same export is idempotent: entries are keyed by id and unchanged ones are left alone.

Formats (see README.md, "Knowledge base"):
  .jsonl/.json  helpdesk exports: one ticket per line with messages/comments, or question/answer pairs
  .csv          one ticket per row: question (or subject), answer (or resolution), category, topic, tags...
  .md           docs: one entry per "## " section

Options:
  --kb FILE        knowledge file to update (default ${DEFAULT_KB})
  --account ID     import as this account's private knowledge (never shown to other accounts)
  --config FILE    policy YAML whose account ids the records' accounts are checked against; entries of
                   any other account are skipped (default ${DEFAULT_CONFIG}; not checked if it is absent)
  --quiet          no progress bar`;

/**
 * The policy's account ids. A file named with --config must exist; the default one may be absent
 * (an import before the policy is written), and then accounts are not checked.
 */
function accountsToCheck(config: string | undefined): Set<string> | undefined {
  if (config !== undefined && !existsSync(config)) throw new UsageError(`no such config file: ${config}`);
  const file = config ?? DEFAULT_CONFIG;
  return existsSync(file) ? new Set(loadPolicy(file).accounts.map((a) => a.id)) : undefined;
}

export const kbIngestCommand: CliCommand = {
  name: 'kb ingest',
  summary: 'Import resolved conversations (JSONL/CSV exports) and Markdown docs into the KB',
  usage,
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { kb: { type: 'string', default: DEFAULT_KB }, account: { type: 'string' }, config: { type: 'string' }, quiet: { type: 'boolean', default: false } },
    });
    if (positionals.length === 0) throw new UsageError('name at least one file or directory to import');
    const missing = positionals.filter((p) => !existsSync(p));
    if (missing.length > 0) throw new UsageError(`no such file or directory: ${missing.join(', ')}`);
    const knownAccounts = accountsToCheck(values.config);
    const bar = values.quiet ? undefined : new SingleBar({ format: 'ingest [{bar}] {value}/{total} files  {file}', stream: process.stderr }, Presets.shades_classic);
    bar?.start(1, 0, { file: '' });
    const summary = await ingest(positionals, new JsonlKnowledgeStore(values.kb), {
      ...(values.account ? { account: values.account } : {}),
      ...(knownAccounts ? { knownAccounts } : {}),
      onFile: (done, total, file) => {
        bar?.setTotal(total);
        bar?.update(done, { file });
      },
    });
    bar?.stop();
    const unchecked = knownAccounts ? '' : `Accounts not checked: ${DEFAULT_CONFIG} not found (use --config).\n`;
    process.stdout.write(`${formatSummary(summary)}\n${unchecked}Knowledge file: ${values.kb}\n`);
    return 0;
  },
};
