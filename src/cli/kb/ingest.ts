import { statSync } from 'node:fs';
import type { KnowledgeEntry, KnowledgeStore } from '../../core/ports/knowledge.js';
import { listFiles, loadSideloads, readExport, readSlackExport, type ReadItem, type ReadOptions } from '../../infra/knowledge/read-export.js';
import { byteCounter } from './byte-counter.js';

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
  /** Entries that say they needed a person, by reason. */
  neededHuman: Map<string, number>;
  /** Reason -> how many, and where the first few were. */
  skipped: Map<string, { count: number; examples: string[] }>;
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
  const s: IngestSummary = { files: plan.files.length + plan.sideloadFiles.length + plan.slackExports.length, read: 0, added: 0, updated: 0, unchanged: 0, unknownAccounts: 0, neededHuman: new Map(), skipped: new Map(), sample: [], dryRun: opts.dryRun === true };
  const skip = (reason: string, where: string) => {
    const v = s.skipped.get(reason) ?? { count: 0, examples: [] };
    v.count++;
    if (v.examples.length < 3) v.examples.push(where);
    s.skipped.set(reason, v);
  };
  for (const f of plan.unsupported) skip('unsupported file type (use .jsonl, .json, .csv, .tsv or .md)', f);
  const bytes = byteCounter(plan.files.reduce((n, f) => n + statSync(f).size, 0));
  const side = await loadSideloads(plan);
  const byId = new Map<string, KnowledgeEntry>();
  const take = (item: ReadItem) => {
    if ('skipped' in item) return skip(item.skipped, item.where);
    s.read++;
    const entry = withAccount(item.entry, opts);
    if (entry.account && opts.accounts && ![...opts.accounts.values()].includes(entry.account)) s.unknownAccounts++;
    for (const why of entry.needsHumanBecause ?? []) s.neededHuman.set(why, (s.neededHuman.get(why) ?? 0) + 1);
    if (byId.has(entry.id)) skip('duplicate id in this import (the last one is kept)', entry.id);
    byId.set(entry.id, entry);
    if (s.sample.length < 5) s.sample.push(entry);
    if (s.read % 500 === 0) opts.onProgress?.({ records: s.read, ...bytes.now() });
  };
  for (const file of plan.files) {
    for await (const item of readExport(file, { ...opts, onBytes: bytes.add }, side)) take(item);
    opts.onProgress?.({ records: s.read, ...bytes.now() });
  }
  for (const dir of plan.slackExports) for (const item of readSlackExport(dir, opts.slack ?? NO_WORKSPACE)) take(item);
  Object.assign(s, opts.dryRun ? await compare(store, byId) : await store.upsert([...byId.values()]));
  return s;
}

const NO_WORKSPACE = { staffTeams: new Set<string>(), staffEnterprises: new Set<string>(), channelAccounts: new Map<string, string>() };

/** The entry under the policy's id for its organization (matched by id or name), or --account's when it names none. */
function withAccount(entry: KnowledgeEntry, opts: IngestOptions): KnowledgeEntry {
  if (!entry.account) return opts.account ? { ...entry, account: opts.account } : entry;
  const id = opts.accounts?.get(entry.account.toLowerCase());
  return id && id !== entry.account ? { ...entry, account: id } : entry;
}

/** What an upsert would do, without doing it. */
async function compare(store: KnowledgeStore, byId: Map<string, KnowledgeEntry>): Promise<Pick<IngestSummary, 'added' | 'updated' | 'unchanged'>> {
  const before = new Map((await store.loadAll()).map((e) => [e.id, JSON.stringify(e)]));
  const counts = { added: 0, updated: 0, unchanged: 0 };
  for (const [id, e] of byId) {
    const was = before.get(id);
    counts[was === undefined ? 'added' : was === JSON.stringify(e) ? 'unchanged' : 'updated']++;
  }
  return counts;
}
