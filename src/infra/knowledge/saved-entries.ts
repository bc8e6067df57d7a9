import { closeSync, read, readSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import type { EntryColumn } from '../../core/answer/entry-column.js';
import type { KnowledgeEntry } from '../../core/ports/knowledge.js';
import { LruCache } from '../../core/triage/lru-cache.js';

/** Entries parsed and kept: a decision reads a few dozen, most of them again at the next turn. */
const KEPT = 4096;
const VERIFY_CHUNK = 8 * 2 ** 20;
const readAt = promisify(read);
const closing = new FinalizationRegistry<number>((fd) => closeSync(fd));

/**
 * The entries of a saved index, read from its file as they are asked for, so a start loads no entry
 * it does not use: entry `doc` is the JSON at [offsets[doc], offsets[doc + 1]) of the file's entries
 * part (empty: a replaced entry). The file stays open while the index is in use (a newer copy renamed
 * over it, or its deletion, changes nothing for this one). Entries set later (approvals) are held here.
 */
export class SavedEntries implements EntryColumn {
  private readonly kept = new LruCache<KnowledgeEntry>(KEPT);
  private readonly changed = new Map<number, KnowledgeEntry | undefined>();

  constructor(
    private readonly fd: number,
    /** Where the entries part starts in the file. */
    private readonly start: number,
    private readonly offsets: Float64Array,
  ) {
    closing.register(this, fd);
  }

  get(doc: number): KnowledgeEntry | undefined {
    if (this.changed.has(doc)) return this.changed.get(doc);
    const key = String(doc);
    const kept = this.kept.get(key);
    if (kept) return kept;
    const [from, to] = [this.offsets[doc], this.offsets[doc + 1]];
    if (from === undefined || to === undefined || to === from) return undefined;
    const bytes = Buffer.allocUnsafe(to - from);
    readSync(this.fd, bytes, 0, bytes.length, this.start + from);
    const entry = JSON.parse(bytes.toString('utf8')) as KnowledgeEntry;
    this.kept.set(key, entry);
    return entry;
  }

  set(doc: number, entry: KnowledgeEntry | undefined): void {
    this.changed.set(doc, entry);
  }

  /** Whether the entries part still hashes to `sha1` (read in chunks, without holding the event loop). */
  async intact(sha1: string): Promise<boolean> {
    const hash = createHash('sha1');
    const end = this.start + this.offsets[this.offsets.length - 1]!;
    const chunk = Buffer.allocUnsafe(VERIFY_CHUNK);
    for (let at = this.start; at < end; ) {
      const { bytesRead } = await readAt(this.fd, chunk, 0, Math.min(VERIFY_CHUNK, end - at), at);
      if (bytesRead === 0) return false;
      hash.update(chunk.subarray(0, bytesRead));
      at += bytesRead;
    }
    return hash.digest('hex') === sha1;
  }
}
