import { readFileSync, statSync } from 'node:fs';
import type { z } from 'zod';
import type { Audience } from '../../../core/ports/knowledge.js';
import { htmlToMarkdown } from './html-markdown.js';
import { type PoliteFetcher, SourceReadError, type Validators } from './polite-fetch.js';
import type { SourceArticle } from './source-article.js';
import { type SourceContent, type SourceReader, unchangedArticle } from './source-reader.js';

/** A help center's article in the fields every API gives. */
export interface HelpCenterArticle {
  id: string;
  title: string;
  /** HTML. */
  body: string;
  url?: string;
  draft: boolean;
  updatedAt?: string;
  audience: Audience;
}

/** What differs between help center APIs: where the list starts, how to sign in, how a page reads. */
export interface HelpCenterApi<Page> {
  /** As errors name it: "Zendesk Help Center". */
  name: string;
  /** The first page of the article list, or a saved response of it. */
  from: { url: string; headers?: Record<string, string> } | { file: string };
  pageSchema: z.ZodType<Page>;
  articles(page: Page): HelpCenterArticle[];
  next(page: Page, link: string | undefined): string | null | undefined;
  /** Pages followed at most. */
  maxPages: number;
}

/**
 * Articles of a help center's API, every page, the first asked "changed since?" (a 304 ends the sync
 * at once), or of a saved API response, read again when the file changes. Drafts are left out; an
 * article whose change marker did not move is not converted again.
 */
export function helpCenterReader<Page>(api: HelpCenterApi<Page>, fetcher: PoliteFetcher): SourceReader {
  const from = api.from;
  if ('file' in from) return savedResponseReader(from.file, api, (page) => api.articles(page));
  return async (previous) => {
    const read = await readPages(api, from, fetcher, previous?.validators);
    return read === 'unchanged' ? read : publishedArticles(read.pages.flatMap((p) => api.articles(p)), previous, read.validators);
  };
}

/** A help center API's response saved to a file by hand, read again when the file changes. */
export function savedResponseReader<Saved>(file: string, api: Pick<HelpCenterApi<Saved>, 'name' | 'pageSchema'>, articles: (saved: Saved) => HelpCenterArticle[]): SourceReader {
  return async (previous) => {
    const saved = readSaved(file, previous);
    return saved === 'unchanged' ? saved : publishedArticles(articles(parsePage(api, saved.text, file)), previous, saved.validators);
  };
}

/** HTTP Basic credentials as Freshdesk and Help Scout take an API key: the key as user, any password. */
export function apiKeyHeaders(key: string | undefined): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`${key ?? ''}:X`).toString('base64')}`, accept: 'application/json' };
}

/** What a source holds of a help center's articles: published ones, those whose change marker did not move as they were. */
export function publishedArticles(all: HelpCenterArticle[], previous: SourceContent | undefined, validators?: Validators): SourceContent {
  const reuse = unchangedArticle(previous);
  const articles = all.filter((a) => !a.draft).map((a) => {
    const before = reuse(a.id, a.updatedAt);
    return before ? { ...before, audience: a.audience } : toArticle(a);
  });
  return { articles, ...(validators && Object.keys(validators).length > 0 ? { validators } : {}) };
}

function toArticle(a: HelpCenterArticle): SourceArticle {
  return {
    key: a.id,
    title: a.title,
    markdown: htmlToMarkdown(a.body, a.url),
    audience: a.audience,
    ...(a.url ? { url: a.url } : {}),
    ...(a.updatedAt ? { updatedAt: a.updatedAt } : {}),
  };
}

/** A saved API response's text, or `unchanged` when the file's size and time are those of the last sync. */
function readSaved(file: string, previous: SourceContent | undefined): { text: string; validators: Validators } | 'unchanged' {
  try {
    const stat = statSync(file);
    const signature = `${stat.mtimeMs}:${stat.size}`;
    if (previous?.validators?.etag === signature) return 'unchanged';
    return { text: readFileSync(file, 'utf8'), validators: { etag: signature } };
  } catch (err) {
    throw new SourceReadError(`${file} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/** How one list of an API reads: its pages' shape, the page after one, how many pages at most. */
export type PagedList<Page> = Pick<HelpCenterApi<Page>, 'name' | 'pageSchema' | 'maxPages'> & {
  /** The next page's address, from the page or (Freshdesk) the response's Link header. */
  next(page: Page, link: string | undefined): string | null | undefined;
};

/**
 * Every page of one list of an API, the first asked "changed since?" with `validators` (`unchanged` on
 * 304). The token goes to the list's own host only, whatever a next page link says.
 */
export async function readPages<Page>(api: PagedList<Page>, from: { url: string; headers?: Record<string, string> }, fetcher: PoliteFetcher, validators?: Validators): Promise<{ pages: Page[]; validators: Validators | undefined } | 'unchanged'> {
  const origin = new URL(from.url).origin;
  const pages: Page[] = [];
  let first: Validators | undefined;
  let next: string | null | undefined = from.url;
  for (let n = 0; next; n++) {
    if (new URL(next, origin).origin !== origin) throw new SourceReadError(`the next page ${next} leaves ${origin}`);
    if (n >= api.maxPages) throw new SourceReadError(`more than ${api.maxPages} pages of ${api.name} articles`);
    const url: string = new URL(next, origin).href;
    const res = await fetcher.get(url, { validators: n === 0 ? validators : undefined, ...(from.headers ? { headers: from.headers } : {}) });
    if (res.status === 304) return 'unchanged';
    if (res.status !== 200) throw new SourceReadError(`${url} answered HTTP ${res.status}`);
    if (n === 0) first = { ...(res.etag ? { etag: res.etag } : {}), ...(res.lastModified ? { lastModified: res.lastModified } : {}) };
    const page = parsePage(api, res.body, url);
    pages.push(page);
    next = api.next(page, res.next);
  }
  return { pages, validators: first };
}

export function parsePage<Page>(api: Pick<HelpCenterApi<Page>, 'name' | 'pageSchema'>, text: string, where: string): Page {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new SourceReadError(`${where} is not JSON`);
  }
  const page = api.pageSchema.safeParse(json);
  if (!page.success) {
    const issue = page.error.issues[0]!;
    throw new SourceReadError(`${where} is not a ${api.name} articles response: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  return page.data;
}
