import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { KnowledgeEntry } from '../../core/ports/knowledge.js';

const FLUSH_AT = 1 << 20;

/**
 * The entries an import read, written to a temporary JSONL file as they come rather than held in
 * memory: an export of any size costs only its ids while it is read. The last entry of an id wins.
 */
export class SpillFile {
  private readonly dir = mkdtempSync(join(tmpdir(), 'baton-ingest-'));
  private readonly file = join(this.dir, 'entries.jsonl');
  private readonly fd = openSync(this.file, 'w');
  /** id -> number of its last line. */
  private readonly last = new Map<string, number>();
  private lines = 0;
  private buffer: string[] = [];
  private buffered = 0;

  has(id: string): boolean {
    return this.last.has(id);
  }

  add(entry: KnowledgeEntry): void {
    const line = `${JSON.stringify(entry)}\n`;
    this.last.set(entry.id, this.lines++);
    this.buffer.push(line);
    this.buffered += line.length;
    if (this.buffered >= FLUSH_AT) this.flush();
  }

  private flush(): void {
    writeSync(this.fd, this.buffer.join(''));
    this.buffer = [];
    this.buffered = 0;
  }

  /** Nothing read is kept: the import stopped. */
  discard(): void {
    closeSync(this.fd);
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Every kept entry once, in the order read; the file is removed when they have all been read. */
  async *entries(): AsyncGenerator<KnowledgeEntry> {
    this.flush();
    closeSync(this.fd);
    try {
      let n = 0;
      for await (const line of createInterface({ input: createReadStream(this.file), crlfDelay: Infinity })) {
        const entry = JSON.parse(line) as KnowledgeEntry;
        if (this.last.get(entry.id) === n++) yield entry;
      }
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }
}
