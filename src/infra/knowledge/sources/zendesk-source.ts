import { readFileSync, statSync } from 'node:fs';
import { z } from 'zod';
import type { KnowledgeSource } from '../../../config/knowledge-sources-schema.js';
import type { Audience } from '../../../core/ports/knowledge.js';
import { htmlToMarkdown } from './html-markdown.js';
import { type PoliteFetcher, SourceReadError } from './polite-fetch.js';
import type { SourceArticle } from './source-article.js';
import { type SourceContent, type SourceReader, unchangedArticle } from './source-reader.js';

type ZendeskSource = Extract<KnowledgeSource, { kind: 'zendesk' }>;

/** The fields of a Help Center API article Baton reads (GET /api/v2/help_center/{locale}/articles). */
const articleSchema = z.object({
  id: z.union([z.number(), z.string()]),
  title: z.string(),
  body: z.string().nullable().default(''),
  html_url: z.string().optional(),
  draft: z.boolean().default(false),
  user_segment_id: z.union([z.number(), z.string()]).nullable().default(null),
  updated_at: z.string().optional(),
});
const pageSchema = z.object({ articles: z.array(articleSchema), next_page: z.string().nullable().optional() });
type ZendeskArticle = z.infer<typeof articleSchema>;

/** Pages followed at most: 100 articles each. */
const MAX_PAGES = 1000;

/**
 * Zendesk Help Center articles, from the API (every page, the first asked "changed since?") or from a
 * saved API response. Drafts are left out; an article's user segment sets its audience as the policy maps
 * it, and a segment the policy does not map is internal: a restricted article is never quoted by accident.
 */
export function zendeskReader(source: ZendeskSource, fetcher: PoliteFetcher, env: NodeJS.ProcessEnv): SourceReader {
  return async (previous) => {
    const read = source.file ? readSaved(source.file, previous) : await readApi(source, fetcher, env, previous);
    if (read === 'unchanged') return read;
    const reuse = unchangedArticle(previous);
    const articles = read.articles.filter((a) => !a.draft).map((a) => {
      const audience = audienceOf(source, a);
      const before = reuse(String(a.id), a.updated_at);
      return before ? { ...before, audience } : toArticle(a, audience);
    });
    return { articles, validators: read.validators };
  };
}

function audienceOf(source: ZendeskSource, article: ZendeskArticle): Audience {
  if (article.user_segment_id === null) return source.audience;
  return source.segments[String(article.user_segment_id)] ?? { internal: true };
}

function toArticle(a: ZendeskArticle, audience: Audience): SourceArticle {
  return {
    key: String(a.id),
    title: a.title,
    markdown: htmlToMarkdown(a.body ?? '', a.html_url ?? 'https://invalid/'),
    audience,
    ...(a.html_url ? { url: a.html_url } : {}),
    ...(a.updated_at ? { updatedAt: a.updated_at } : {}),
  };
}

type Read = { articles: ZendeskArticle[]; validators: SourceContent['validators'] } | 'unchanged';

function readSaved(file: string, previous: SourceContent | undefined): Read {
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
  return { articles: parsePage(text, file).articles, validators: { etag: signature } };
}

async function readApi(source: ZendeskSource, fetcher: PoliteFetcher, env: NodeJS.ProcessEnv, previous: SourceContent | undefined): Promise<Read> {
  const base = new URL(source.url!);
  const headers = source.email_env && source.token_env ? { authorization: `Basic ${Buffer.from(`${env[source.email_env]}/token:${env[source.token_env]}`).toString('base64')}` } : undefined;
  const locale = source.locale ? `/${encodeURIComponent(source.locale)}` : '';
  let next: string | null | undefined = new URL(`/api/v2/help_center${locale}/articles.json?per_page=100`, base).href;
  const articles: ZendeskArticle[] = [];
  let validators: SourceContent['validators'];
  for (let page = 0; next; page++) {
    // The token goes to the help center's own host only, whatever a next_page says.
    if (new URL(next).origin !== base.origin) throw new SourceReadError(`next_page ${next} leaves ${base.origin}`);
    if (page >= MAX_PAGES) throw new SourceReadError(`more than ${MAX_PAGES} pages of articles`);
    const res = await fetcher.get(next, { validators: page === 0 ? previous?.validators : undefined, ...(headers ? { headers } : {}) });
    if (res.status === 304) return 'unchanged';
    if (res.status !== 200) throw new SourceReadError(`${next} answered HTTP ${res.status}`);
    if (page === 0) validators = { ...(res.etag ? { etag: res.etag } : {}), ...(res.lastModified ? { lastModified: res.lastModified } : {}) };
    const body = parsePage(res.body, next);
    articles.push(...body.articles);
    next = body.next_page;
  }
  return { articles, validators };
}

function parsePage(text: string, where: string): z.infer<typeof pageSchema> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new SourceReadError(`${where} is not JSON`);
  }
  const page = pageSchema.safeParse(json);
  if (!page.success) {
    const issue = page.error.issues[0]!;
    throw new SourceReadError(`${where} is not a Help Center articles response: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  return page.data;
}
