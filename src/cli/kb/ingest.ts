import type { Unresolved } from '../../infra/knowledge/helpdesk-ticket.js';
import { statSync } from 'node:fs';
import type { KnowledgeEntry, KnowledgeStore } from '../../core/ports/knowledge.js';
import { TopicTally } from '../../core/policy/unknown-topics.js';
import { listFiles, loadSideloads, readExport, readSlackExport, type ReadOptions } from '../../infra/knowledge/read-export.js';
import { IngestCollector } from './ingest-collector.js';
import { byteCounter } from './byte-counter.js';
import type { FileReport } from './file-report.js';
import { keepResolved } from './keep-resolved.js';

export interface IngestOptions extends ReadOptions {
  /** Entries without an account of their own are imported as this account's (private) knowledge. */
  account?: string;
  /**
   * The policy's accounts, when known: lower-cased id or name -> id. A record's organization is matched
   * by either; any other organization is kept for triage learning but quoted to nobody (its account
   * matches no channel) until a lead approves it.
   */
  accounts?: ReadonlyMap<string, string>;
  /** Count and compare, write nothing. */
  dryRun?: boolean;
  /** Customer messages of a labelled test set: records asking one of them are left out (`--exclude`). */
  exclude?: ReadonlySet<string>;
  /** Called as records are read: how many, and how far through the input's bytes. */
  onProgress?: (p: { records: number; bytes: number; totalBytes: number }) => void;
}

export interface IngestSummary {
  files: number;
  read: number;
  added: number;
  updated: number;
  unchanged: number;
  /** Entries of organizations the policy does not name: learned from, quoted to nobody until approved. */
  unknownAccounts: number;
  /** Question-only copies of account conversations, which every account's triage learns from. */
  learningCopies: number;
  /** Entries that say they needed a person, by reason. */
  neededHuman: Map<string, number>;
  /** Reason -> how many, and where the first few were. */
  skipped: Map<string, { count: number; examples: string[] }>;
  /** What each file became, in the order read. */
  perFile: Map<string, FileReport>;
  /** The records' categories and topics: what the policy is checked against. */
  labels: TopicTally;
  /** Entries whose export referred to what it did not include (see `HelpdeskTicket.unresolved`). */
  unresolved: Map<string, Unresolved[]>;
  /** A few of the entries read, for --dry-run. */
  sample: KnowledgeEntry[];
  dryRun: boolean;
}

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
    for (const f of plan.unsupported) c.skip('unsupported file type (use .jsonl, .json, .csv, .tsv or .md)', f);
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
