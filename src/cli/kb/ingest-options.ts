import type { ReadOptions } from '../../infra/knowledge/read-export.js';

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
