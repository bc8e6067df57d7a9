import type { KnowledgeEntry, KnowledgeStore } from '../../core/ports/knowledge.js';
import { listFiles, readExport } from '../../infra/knowledge/read-export.js';

export interface IngestOptions {
  /** Entries without an account of their own are imported as this account's (private) knowledge. */
  account?: string;
  /**
   * The policy's account ids, when known. An entry of any other account is skipped: Baton scopes an
   * account's knowledge to that account's channels, so nobody could ever be answered from it.
   */
  knownAccounts?: ReadonlySet<string>;
  /** Called after each file, for a progress bar. */
  onFile?: (done: number, total: number, file: string) => void;
}

export interface IngestSummary {
  files: number;
  read: number;
  added: number;
  updated: number;
  unchanged: number;
  /** Reason -> how many, and where the first few were. */
  skipped: Map<string, { count: number; examples: string[] }>;
}

/**
 * Reads every export, converts it, and upserts the entries by id: importing the same export twice
 * changes nothing the second time. Nothing is written for a record that was skipped.
 */
export async function ingest(paths: string[], store: KnowledgeStore, opts: IngestOptions = {}): Promise<IngestSummary> {
  const { files, unsupported } = listFiles(paths);
  const skipped: IngestSummary['skipped'] = new Map();
  const skip = (reason: string, where: string) => {
    const s = skipped.get(reason) ?? { count: 0, examples: [] };
    s.count++;
    if (s.examples.length < 3) s.examples.push(where);
    skipped.set(reason, s);
  };
  unsupported.forEach((f) => skip('unsupported file type (use .jsonl, .json, .csv or .md)', f));
  const byId = new Map<string, KnowledgeEntry>();
  let read = 0;
  files.forEach((file, i) => {
    for (const item of readExport(file)) {
      if ('skipped' in item) {
        skip(item.skipped, item.where);
        continue;
      }
      read++;
      const entry = opts.account && !item.entry.account ? { ...item.entry, account: opts.account } : item.entry;
      if (entry.account && opts.knownAccounts && !opts.knownAccounts.has(entry.account)) {
        skip(`account ${entry.account} is not in the policy`, `${file}: ${entry.id}`);
        continue;
      }
      if (byId.has(entry.id)) skip('duplicate id in this import (the last one is kept)', `${file}: ${entry.id}`);
      byId.set(entry.id, entry);
    }
    opts.onFile?.(i + 1, files.length, file);
  });
  const counts = await store.upsert([...byId.values()]);
  return { files: files.length, read, ...counts, skipped };
}

export function formatSummary(s: IngestSummary): string {
  const lines = [
    `Imported ${s.files} file(s): ${s.read} record(s) read; ${s.added} added, ${s.updated} updated, ${s.unchanged} unchanged.`,
  ];
  const total = [...s.skipped.values()].reduce((n, v) => n + v.count, 0);
  lines.push(total === 0 ? 'Nothing skipped.' : `Skipped ${total}:`);
  for (const [reason, { count, examples }] of [...s.skipped].sort((a, b) => b[1].count - a[1].count)) {
    lines.push(`  ${String(count).padStart(6)}  ${reason}  (e.g. ${examples.join('; ')})`);
  }
  return lines.join('\n');
}
