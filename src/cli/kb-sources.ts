import { parseArgs } from 'node:util';
import type { KnowledgeSource } from '../config/knowledge-sources-schema.js';
import type { Audience } from '../core/ports/knowledge.js';
import type { SourceStatus } from '../infra/store/keyv-source-store.js';
import type { CliCommand } from './command.js';
import { openSources } from './kb/open-sources.js';
import { table } from './triage/escalation-table.js';

const usage = `Usage: npm run baton -- kb sources [--config FILE] [--store URI]

Each knowledge source of the policy: its kind, audience, sync interval, articles and sections as of its
last good sync, when it last synced and the last error (cleared by the next good sync).

Options:
  --config FILE   policy YAML (default: BATON_CONFIG, else config/baton.yaml)
  --store URI     the store the running Baton uses (default: BATON_STORE, else sqlite://data/baton.sqlite)`;

export function audienceText(a: Audience): string {
  if ('everyone' in a) return 'everyone';
  if ('internal' in a) return 'internal';
  return 'tiers' in a ? `tiers ${a.tiers.join(', ')}` : `accounts ${a.accounts.join(', ')}`;
}

const when = (ms: number | undefined) => (ms === undefined ? 'never' : new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z'));

function row({ source, status }: { source: KnowledgeSource; status: SourceStatus | undefined }): string[] {
  const [mapped, what] = source.kind === 'zendesk' ? [source.segments, 'segments'] : source.kind === 'freshdesk' ? [source.folders, 'folders'] : source.kind === 'helpscout' ? [source.collections, 'collections'] : [{}, ''];
  const count = Object.keys(mapped).length;
  const audience = audienceText(source.audience) + (count > 0 ? ` (+${count} ${what})` : '');
  return [source.id, source.kind, audience, `${source.sync_minutes} min`, String(status?.articles ?? 0), String(status?.entries ?? 0), when(status?.lastSyncAt), status?.lastError ?? ''];
}

export const kbSourcesCommand: CliCommand = {
  name: 'kb sources',
  summary: "List the policy's knowledge sources: kind, audience, articles, last sync, last error",
  usage,
  async run(args) {
    const { values } = parseArgs({ args, options: { config: { type: 'string' }, store: { type: 'string' } } });
    const { sources, stores, config } = await openSources(values);
    try {
      const header = ['source', 'kind', 'audience', 'every', 'articles', 'sections', 'last sync', 'last error'];
      process.stdout.write(`${table(`Knowledge sources in ${config}`, header, (await sources.statuses()).map(row))}\n`);
      return 0;
    } finally {
      await stores.close();
    }
  },
};
