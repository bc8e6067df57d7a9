import { existsSync, readFileSync } from 'node:fs';
import type { KnowledgeEntry } from '../../core/ports/knowledge.js';
import type { Logger } from '../../core/ports/logger.js';
import { fromMarkdown } from './markdown-doc.js';
import { listFiles } from './import-plan.js';

/**
 * The Markdown articles a team keeps next to its config (BATON_DOCS), read at every start so an edit
 * to a doc is live after a restart without an ingest step. Sections too thin to answer are skipped.
 */
export function loadDocs(dir: string, log: Logger): KnowledgeEntry[] {
  if (!existsSync(dir)) {
    // Not an error (a team may keep no articles), but a mistyped BATON_DOCS must not pass unnoticed.
    log.warn({ dir }, 'docs folder (BATON_DOCS) not found; no Markdown articles loaded');
    return [];
  }
  const { files } = listFiles([dir]);
  const entries: KnowledgeEntry[] = [];
  for (const file of files.filter((f) => /\.(md|markdown)$/i.test(f))) {
    const read = fromMarkdown(readFileSync(file, 'utf8'), file);
    entries.push(...read.entries);
    for (const reason of read.skipped) log.warn({ file, reason }, 'doc section skipped');
  }
  return entries;
}
