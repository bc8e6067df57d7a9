import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { JsonlKnowledgeStore } from '../infra/knowledge/jsonl-knowledge-store.js';
import { UsageError, type CliCommand } from './command.js';
import { formatSummary, ingest } from './kb/ingest.js';

export const DEFAULT_KB = 'data/knowledge.jsonl';

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
  --quiet          no progress bar`;

export const kbIngestCommand: CliCommand = {
  name: 'kb ingest',
  summary: 'Import resolved conversations (JSONL/CSV exports) and Markdown docs into the KB',
  usage,
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { kb: { type: 'string', default: DEFAULT_KB }, account: { type: 'string' }, quiet: { type: 'boolean', default: false } },
    });
    if (positionals.length === 0) throw new UsageError('name at least one file or directory to import');
    const bar = values.quiet ? undefined : new SingleBar({ format: 'ingest [{bar}] {value}/{total} files  {file}', stream: process.stderr }, Presets.shades_classic);
    bar?.start(1, 0, { file: '' });
    const summary = await ingest(positionals, new JsonlKnowledgeStore(values.kb), {
      ...(values.account ? { account: values.account } : {}),
      onFile: (done, total, file) => {
        bar?.setTotal(total);
        bar?.update(done, { file });
      },
    });
    bar?.stop();
    process.stdout.write(`${formatSummary(summary)}\nKnowledge file: ${values.kb}\n`);
    return 0;
  },
};
