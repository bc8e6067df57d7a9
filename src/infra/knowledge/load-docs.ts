import { existsSync } from 'node:fs';
import type { KnowledgeEntry } from '../../core/ports/knowledge.js';
import type { Logger } from '../../core/ports/logger.js';
import { listFiles, readExport } from './read-export.js';

/**
 * The Markdown articles a team keeps next to its config (BATON_DOCS), read at every start so an edit
 * to a doc is live after a restart without an ingest step. Sections too thin to answer are skipped.
 */
export function loadDocs(dir: string, log: Logger): KnowledgeEntry[] {
  if (!existsSync(dir)) return [];
  const { files } = listFiles([dir]);
  const entries: KnowledgeEntry[] = [];
  for (const file of files.filter((f) => /\.(md|markdown)$/i.test(f))) {
    for (const item of readExport(file)) {
      if ('entry' in item) entries.push(item.entry);
      else log.warn({ file: item.where, reason: item.skipped }, 'doc section skipped');
    }
  }
  return entries;
}
