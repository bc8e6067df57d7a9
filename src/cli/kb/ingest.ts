import { statSync } from 'node:fs';
import type { KnowledgeEntry, KnowledgeStore } from '../../core/ports/knowledge.js';
import { TopicTally } from '../../core/policy/unknown-topics.js';
import { listFiles } from '../../infra/knowledge/import-plan.js';
import { loadSideloads, readExport, readSlackExport } from '../../infra/knowledge/read-export.js';
import { IngestCollector } from './ingest-collector.js';
import type { IngestOptions } from './ingest-options.js';
import type { IngestSummary } from './ingest-summary.js';
import { byteCounter } from './byte-counter.js';
import { keepResolved } from './keep-resolved.js';

export type { IngestOptions, IngestSummary };

/**
 * Reads every export, streamed, converts it, and upserts the entries by id: importing the same export
 * twice changes nothing the second time. Nothing is written for a record that was skipped.
 */
export async function ingest(paths: string[], store: KnowledgeStore, opts: IngestOptions = {}): Promise<IngestSummary> {
  const plan = listFiles(paths);
  const files = plan.files.length + plan.sideloadFiles.length + plan.slackExports.length;
  const c = new IngestCollector(
    { files, read: 0, added: 0, updated: 0, unchanged: 0, unknownAccounts: 0, learningCopies: 0, neededHuman: new Map(), skipped: new Map(), perFile: new Map(), labels: new TopicTally(), unresolved: new Map(), sample: [], dryRun: opts.dryRun === true },
    opts,
  );
  try {
    for (const f of plan.unsupported) c.skip('unsupported file type (use .jsonl, .json, .csv, .tsv, .md, or a Slack export as its .zip or folder)', f);
    const bytes = byteCounter(plan.files.reduce((n, f) => n + statSync(f).size, 0));
    const progress = () => opts.onProgress?.({ records: c.s.read, ...bytes.now() });
    const side = await loadSideloads(plan, (file, n) => c.joined(file, n));
    for (const file of plan.files) {
      for await (const item of readExport(file, { ...opts, onBytes: bytes.add }, side)) {
        c.take(file, item);
        if (c.s.read % 500 === 0) progress();
      }
      progress();
    }
    for (const dir of plan.slackExports) for (const item of readSlackExport(dir, opts.slack ?? NO_WORKSPACE, opts)) c.take(dir, item);
  } catch (err) {
    // A file that cannot be read whole (truncated, not JSON, an unknown encoding) writes nothing at all.
    c.spill.discard();
    throw err;
  }
  const entries = c.s.unresolved.size > 0 ? keepResolved(c.spill.entries(), c.s.unresolved, await store.loadAll()) : c.spill.entries();
  Object.assign(c.s, opts.dryRun ? await compare(store, entries) : await store.upsert(entries));
  return c.s;
}

const NO_WORKSPACE = { staffTeams: new Set<string>(), staffEnterprises: new Set<string>(), channelAccounts: new Map<string, string>() };

/** What an upsert would do, without doing it. */
async function compare(store: KnowledgeStore, entries: AsyncIterable<KnowledgeEntry>): Promise<Pick<IngestSummary, 'added' | 'updated' | 'unchanged'>> {
  const before = new Map((await store.loadAll()).map((e) => [e.id, JSON.stringify(e)]));
  const counts = { added: 0, updated: 0, unchanged: 0 };
  for await (const e of entries) {
    const was = before.get(e.id);
    counts[was === undefined ? 'added' : was === JSON.stringify(e) ? 'unchanged' : 'updated']++;
  }
  return counts;
}
