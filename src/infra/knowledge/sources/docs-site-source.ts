import { XMLParser } from 'fast-xml-parser';
import type { KnowledgeSource } from '../../../config/knowledge-sources-schema.js';
import { htmlTitle, htmlToMarkdown } from './html-markdown.js';
import { type PoliteFetcher, SourceReadError } from './polite-fetch.js';
import { RobotsRules } from './robots-rules.js';
import type { SourceArticle } from './source-article.js';
import type { SourceReader } from './source-reader.js';

type DocsSiteSource = Extract<KnowledgeSource, { kind: 'docs_site' }>;

interface Page {
  url: string;
  lastmod?: string;
}

const xml = new XMLParser({ isArray: (name) => name === 'url' || name === 'sitemap' });

/**
 * A docs site, page by page: the URLs of its sitemap.xml (a sitemap index is followed one level) or the
 * policy's list, those robots.txt lets Baton read. A page whose sitemap `lastmod` did not move is kept as
 * it was without a request; the others are asked for with their ETag / Last-Modified; a page gone (404,
 * 410) or no longer listed is removed.
 */
export function docsSiteReader(source: DocsSiteSource, fetcher: PoliteFetcher): SourceReader {
  return async (previous) => {
    const robots = new RobotsRules(fetcher);
    const listed = source.sitemap ? await sitemapPages(source.sitemap, fetcher) : source.urls!.map((url) => ({ url }));
    const pages: Page[] = [];
    for (const page of listed.slice(0, source.max_pages)) if (await robots.allows(page.url)) pages.push(page);
    const before = new Map(previous?.articles.map((a) => [a.key, a]));
    const read = await Promise.all(pages.map((page) => readPage(page, before.get(page.url), source, fetcher)));
    return { articles: read.filter((a): a is SourceArticle => a !== undefined) };
  };
}

async function readPage(page: Page, before: SourceArticle | undefined, source: DocsSiteSource, fetcher: PoliteFetcher): Promise<SourceArticle | undefined> {
  if (before && page.lastmod !== undefined && before.updatedAt === page.lastmod) return { ...before, audience: source.audience };
  const res = await fetcher.get(page.url, { validators: before?.validators });
  if (res.status === 304 && before) return { ...before, audience: source.audience };
  if (res.status !== 200) return undefined;
  const validators = { ...(res.etag ? { etag: res.etag } : {}), ...(res.lastModified ? { lastModified: res.lastModified } : {}) };
  return {
    key: page.url,
    url: page.url,
    title: htmlTitle(res.body) ?? page.url,
    markdown: htmlToMarkdown(res.body, page.url),
    audience: source.audience,
    ...(page.lastmod !== undefined ? { updatedAt: page.lastmod } : {}),
    validators,
  };
}

async function sitemapPages(url: string, fetcher: PoliteFetcher, depth = 0): Promise<Page[]> {
  const res = await fetcher.get(url);
  if (res.status !== 200) throw new SourceReadError(`sitemap ${url} answered HTTP ${res.status}`);
  let doc: { urlset?: { url?: { loc?: unknown; lastmod?: unknown }[] }; sitemapindex?: { sitemap?: { loc?: unknown }[] } };
  try {
    doc = xml.parse(res.body) as typeof doc;
  } catch {
    throw new SourceReadError(`sitemap ${url} is not XML`);
  }
  if (doc.sitemapindex && depth === 0) {
    const children = (doc.sitemapindex.sitemap ?? []).map((s) => String(s.loc ?? '')).filter(Boolean);
    return (await Promise.all(children.map((child) => sitemapPages(new URL(child, url).href, fetcher, 1)))).flat();
  }
  if (!doc.urlset) throw new SourceReadError(`sitemap ${url} has no <urlset>`);
  return (doc.urlset.url ?? []).filter((u) => u.loc).map((u) => ({ url: new URL(String(u.loc), url).href, ...(u.lastmod ? { lastmod: String(u.lastmod) } : {}) }));
}
