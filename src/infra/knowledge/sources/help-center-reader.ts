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
  next(page: Page): string | null | undefined;
  /** Pages followed at most. */
  maxPages: number;
}

type Read = { articles: HelpCenterArticle[]; validators: Validators | undefined } | 'unchanged';

/**
 * Articles of a help center's API, every page, the first asked "changed since?" (a 304 ends the sync
 * at once), or of a saved API response, read again when the file changes. Drafts are left out; an
 * article whose change marker did not move is not converted again.
 */
export function helpCenterReader<Page>(api: HelpCenterApi<Page>, fetcher: PoliteFetcher): SourceReader {
  return async (previous) => {
    const read = 'file' in api.from ? readSaved(api, api.from.file, previous) : await readApi(api, api.from, fetcher, previous);
    if (read === 'unchanged') return read;
    const reuse = unchangedArticle(previous);
    const articles = read.articles.filter((a) => !a.draft).map((a) => {
      const before = reuse(a.id, a.updatedAt);
      return before ? { ...before, audience: a.audience } : toArticle(a);
    });
    return { articles, ...(read.validators ? { validators: read.validators } : {}) };
  };
}

function toArticle(a: HelpCenterArticle): SourceArticle {
  return {
    key: a.id,
    title: a.title,
    markdown: htmlToMarkdown(a.body, a.url ?? 'https://invalid/'),
    audience: a.audience,
    ...(a.url ? { url: a.url } : {}),
    ...(a.updatedAt ? { updatedAt: a.updatedAt } : {}),
  };
}

function readSaved<Page>(api: HelpCenterApi<Page>, file: string, previous: SourceContent | undefined): Read {
  let signature: string;
  let text: string;
  try {
    const stat = statSync(file);
    signature = `${stat.mtimeMs}:${stat.size}`;
    if (previous?.validators?.etag === signature) return 'unchanged';
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new SourceReadError(`${file} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return { articles: api.articles(parsePage(api, text, file)), validators: { etag: signature } };
}

async function readApi<Page>(api: HelpCenterApi<Page>, from: { url: string; headers?: Record<string, string> }, fetcher: PoliteFetcher, previous: SourceContent | undefined): Promise<Read> {
  const origin = new URL(from.url).origin;
  const articles: HelpCenterArticle[] = [];
  let validators: Validators | undefined;
  let next: string | null | undefined = from.url;
  for (let page = 0; next; page++) {
    // The token goes to the help center's own host only, whatever a next page link says.
    if (new URL(next, origin).origin !== origin) throw new SourceReadError(`the next page ${next} leaves ${origin}`);
    if (page >= api.maxPages) throw new SourceReadError(`more than ${api.maxPages} pages of articles`);
    const url: string = new URL(next, origin).href;
    const res = await fetcher.get(url, { validators: page === 0 ? previous?.validators : undefined, ...(from.headers ? { headers: from.headers } : {}) });
    if (res.status === 304) return 'unchanged';
    if (res.status !== 200) throw new SourceReadError(`${url} answered HTTP ${res.status}`);
    if (page === 0) validators = { ...(res.etag ? { etag: res.etag } : {}), ...(res.lastModified ? { lastModified: res.lastModified } : {}) };
    const body = parsePage(api, res.body, url);
    articles.push(...api.articles(body));
    next = api.next(body);
  }
  return { articles, validators };
}

function parsePage<Page>(api: HelpCenterApi<Page>, text: string, where: string): Page {
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
