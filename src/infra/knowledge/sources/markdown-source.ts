import { readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import type { KnowledgeSource } from '../../../config/knowledge-sources-schema.js';
import { listFiles } from '../import-plan.js';
import { SourceReadError } from './polite-fetch.js';
import type { SourceArticle } from './source-article.js';
import type { SourceReader } from './source-reader.js';

type MarkdownSource = Extract<KnowledgeSource, { kind: 'markdown' }>;

/** A folder of Markdown articles (`# Title`, `## ` sections): read again when any file's size or time changed. */
export function markdownReader(source: MarkdownSource): SourceReader {
  return async (previous) => {
    let files: string[];
    try {
      files = listFiles([source.path]).files.filter((f) => /\.(md|markdown)$/i.test(f));
    } catch (err) {
      throw new SourceReadError(`folder ${source.path} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    const signature = files.map((f) => `${f}:${statSync(f).mtimeMs}:${statSync(f).size}`).join('|');
    if (previous?.validators?.etag === signature) return 'unchanged';
    const articles = files.map((file): SourceArticle => {
      const text = readFileSync(file, 'utf8');
      const key = relative(source.path, file);
      const title = text.match(/^#\s+(.+)$/m)?.[1]?.trim() ?? key.replace(/\.(md|markdown)$/i, '');
      return { key, title, markdown: text.replace(/^#\s+.+$/m, ''), audience: source.audience };
    });
    return { articles, validators: { etag: signature } };
  };
}
