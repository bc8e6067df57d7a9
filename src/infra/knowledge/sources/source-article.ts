import type { Audience, KnowledgeEntry } from '../../../core/ports/knowledge.js';
import { fromMarkdown } from '../markdown-doc.js';
import type { Validators } from './polite-fetch.js';

/** One published article as a source gave it, kept between syncs so an unchanged source costs nothing. */
export interface SourceArticle {
  /** The article's id within its source (a help center id, a page URL, a file path). */
  key: string;
  title: string;
  /** The public address a customer is sent to. */
  url?: string;
  /** The body as Markdown: `## ` headings open its sections. */
  markdown: string;
  audience: Audience;
  /** The source's own change marker (updated_at, a sitemap's lastmod), compared before fetching again. */
  updatedAt?: string;
  /** The page's ETag / Last-Modified, for a conditional request next time. */
  validators?: Validators;
}

/**
 * An article's entries, one per section (`## ` heading), as a team's Markdown docs are read: the title
 * names article and section, the section's Markdown is the answer. Text before the first heading is a
 * section of its own under the article's title. Published articles are answers, for their audience only.
 */
export function articleEntries(sourceId: string, article: SourceArticle): KnowledgeEntry[] {
  const body = article.markdown.trim();
  const intro = body.startsWith('## ') ? '' : `## ${article.title}\n\n`;
  const { entries } = fromMarkdown(`# ${article.title}\n\n${intro}${body}`, article.key);
  return entries.map((e) => ({
    ...e,
    id: `source:${sourceId}:${e.id.slice('doc:'.length)}`,
    purpose: 'answer' as const,
    source: sourceId,
    audience: article.audience,
    ...(article.url ? { url: article.url } : {}),
  }));
}
