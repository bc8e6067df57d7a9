import { z } from 'zod';
import type { KnowledgeSource } from '../../../config/knowledge-sources-schema.js';
import type { Audience } from '../../../core/ports/knowledge.js';
import { apiKeyHeaders, type HelpCenterArticle, type PagedList, parsePage, publishedArticles, readPages, savedResponseReader } from './help-center-reader.js';
import { type PoliteFetcher, SourceReadError } from './polite-fetch.js';
import type { SourceArticle } from './source-article.js';
import { type SourceContent, type SourceReader, unchangedArticle } from './source-reader.js';

type HelpScoutSource = Extract<KnowledgeSource, { kind: 'helpscout' }>;

/** A Docs API list: `{ "<name>": { page, pages, items } }`. */
const listOf = <T extends z.ZodType>(name: string, item: T) => z.object({ [name]: z.object({ page: z.number(), pages: z.number(), items: z.array(item) }) }).transform((l) => l[name] as { page: number; pages: number; items: z.infer<T>[] });

const collectionSchema = z.object({ id: z.string(), visibility: z.string() });
const refSchema = z.object({ id: z.string(), status: z.string(), updatedAt: z.string().nullable().optional() });
/** The fields of an article Baton reads (GET /v1/articles/{id}). */
const articleSchema = z.object({
  id: z.string(),
  collectionId: z.string().optional(),
  status: z.string(),
  name: z.string(),
  /** HTML. */
  text: z.string().nullable().default(''),
  publicUrl: z.string().nullable().optional(),
  updatedAt: z.string().nullable().optional(),
});
const articleResponse = z.object({ article: articleSchema });
const savedSchema = z.array(z.union([articleResponse.transform((r) => r.article), articleSchema]));

const NAME = 'Help Scout Docs';
const MAX_PAGES = 1000;

/**
 * Help Scout Docs articles, from the Docs API v1 with an API key (collections, each one's published
 * articles 100 a page, then each article whose `updatedAt` moved since the last sync), or a saved file of
 * article responses. A public collection's articles have the source's audience, one listed in
 * `collections` its own, and a private collection not listed is internal.
 */
export function helpScoutReader(source: HelpScoutSource, fetcher: PoliteFetcher, env: NodeJS.ProcessEnv): SourceReader {
  const audienceOf = (collection: string | undefined, visibility: string): Audience =>
    (collection !== undefined ? source.collections[collection] : undefined) ?? (visibility === 'public' ? source.audience : { internal: true });
  const toArticle = (a: z.infer<typeof articleSchema>, audience: Audience): HelpCenterArticle => ({
    id: a.id,
    title: a.name,
    body: a.text ?? '',
    draft: a.status !== 'published',
    audience,
    ...(a.publicUrl ? { url: a.publicUrl } : {}),
    ...(a.updatedAt ? { updatedAt: a.updatedAt } : {}),
  });
  if (source.file) return savedResponseReader(source.file, { name: NAME, pageSchema: savedSchema }, (saved) => saved.map((a) => toArticle(a, audienceOf(a.collectionId, 'public'))));
  const headers = apiKeyHeaders(source.token_env && env[source.token_env]);
  const get = async <T>(path: string, schema: z.ZodType<T>): Promise<T[]> => {
    const url = new URL(path, source.url);
    const api: PagedList<T> = {
      name: NAME,
      pageSchema: schema,
      maxPages: MAX_PAGES,
      next: (page) => {
        const list = page as { page?: number; pages?: number };
        if (list.page === undefined || list.pages === undefined || list.page >= list.pages) return null;
        url.searchParams.set('page', String(list.page + 1));
        return url.href;
      },
    };
    const read = await readPages(api, { url: url.href, headers }, fetcher);
    return read === 'unchanged' ? [] : read.pages;
  };
  return async (previous: SourceContent | undefined) => {
    const reuse = unchangedArticle(previous);
    const kept: SourceArticle[] = [];
    const fetched: HelpCenterArticle[] = [];
    for (const collection of (await get('/v1/collections', listOf('collections', collectionSchema))).flatMap((l) => l.items)) {
      const audience = audienceOf(collection.id, collection.visibility);
      const refs = (await get(`/v1/collections/${collection.id}/articles?status=published&pageSize=100`, listOf('articles', refSchema))).flatMap((l) => l.items);
      for (const ref of refs.filter((r) => r.status === 'published')) {
        const before = reuse(ref.id, ref.updatedAt ?? undefined);
        if (before) {
          kept.push({ ...before, audience });
          continue;
        }
        const url = new URL(`/v1/articles/${encodeURIComponent(ref.id)}`, source.url).href;
        const res = await fetcher.get(url, { headers });
        // An article deleted since the list was read is simply gone.
        if (res.status === 404 || res.status === 410) continue;
        if (res.status !== 200) throw new SourceReadError(`${url} answered HTTP ${res.status}`);
        fetched.push(toArticle(parsePage({ name: NAME, pageSchema: articleResponse }, res.body, url).article, audience));
      }
    }
    return { articles: [...kept, ...publishedArticles(fetched, undefined).articles] };
  };
}
