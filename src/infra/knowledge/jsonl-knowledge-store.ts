import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { KnowledgeEntry, KnowledgeStore } from '../../core/ports/knowledge.js';

/**
 * The knowledge base as one JSONL file (one entry a line, keyed by id). Read whole at startup, since the
 * index lives in memory anyway; rewritten atomically (temp file + rename) on import so a crash never
 * leaves half a file behind.
 */
export class JsonlKnowledgeStore implements KnowledgeStore {
  constructor(private readonly file: string) {}

  async loadAll(): Promise<KnowledgeEntry[]> {
    return loadKnowledge(this.file);
  }

  async upsert(entries: KnowledgeEntry[]): Promise<{ added: number; updated: number; unchanged: number }> {
    const byId = new Map((await this.loadAll()).map((e) => [e.id, JSON.stringify(e)]));
    let added = 0;
    let updated = 0;
    let unchanged = 0;
    for (const e of entries) {
      const line = JSON.stringify(e);
      const before = byId.get(e.id);
      if (before === line) unchanged++;
      else {
        if (before === undefined) added++;
        else updated++;
        byId.set(e.id, line);
      }
    }
    if (added + updated > 0) {
      mkdirSync(dirname(this.file), { recursive: true });
      const tmp = `${this.file}.tmp-${process.pid}`;
      writeFileSync(tmp, `${[...byId.values()].join('\n')}\n`);
      renameSync(tmp, this.file);
    }
    return { added, updated, unchanged };
  }
}

/** Every entry of a knowledge file; an absent file is an empty KB (Baton then escalates what it cannot answer). */
export function loadKnowledge(file: string): KnowledgeEntry[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as KnowledgeEntry);
}
