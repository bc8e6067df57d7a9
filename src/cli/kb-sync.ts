import { parseArgs } from 'node:util';
import type { SyncResult } from '../infra/knowledge/sources/sync-source.js';
import { UsageError, type CliCommand } from './command.js';
import { openSources } from './kb/open-sources.js';

const usage = `Usage: npm run baton -- kb sync [SOURCE] [--config FILE] [--store URI]

Reads the knowledge sources of the policy (knowledge.sources) again now, whatever their sync interval:
the one named, or all. New and changed articles are indexed, deleted or unpublished ones removed. Every
running Baton sharing the store answers from the new content within one scheduler sweep
(scheduler.interval_seconds). A source that cannot be read keeps its last good content; the command then
exits 1.

Options:
  --config FILE   policy YAML (default: BATON_CONFIG, else config/baton.yaml)
  --store URI     the store the running Baton uses (default: BATON_STORE, else sqlite://data/baton.sqlite)`;

function line(r: SyncResult): string {
  if (!r.ok) return `${r.source}: failed: ${r.error} (keeping its last good content: ${r.articles} articles)`;
  return `${r.source}: ${r.articles} articles (${r.added} new, ${r.changed} changed, ${r.removed} removed)`;
}

export const kbSyncCommand: CliCommand = {
  name: 'kb sync',
  summary: "Read the policy's knowledge sources (help centers, docs sites, folders) again now",
  usage,
  async run(args) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { config: { type: 'string' }, store: { type: 'string' } } });
    if (positionals.length > 1) throw new UsageError('name at most one source');
    const { sources, stores, config } = await openSources(values);
    try {
      const named = positionals[0];
      if (sources.sources.length === 0) throw new UsageError(`${config} declares no knowledge.sources`);
      if (named !== undefined && !sources.sources.some((s) => s.id === named)) {
        throw new UsageError(`no knowledge source "${named}" in ${config} (there are: ${sources.sources.map((s) => s.id).join(', ')})`);
      }
      const results = await sources.sync(named === undefined ? undefined : [named]);
      process.stdout.write(`${results.map(line).join('\n')}\n`);
      return results.every((r) => r.ok) ? 0 : 1;
    } finally {
      await stores.close();
    }
  },
};
