import { z } from 'zod';
import type { KnowledgeSource } from '../../../config/knowledge-sources-schema.js';
import type { Audience } from '../../../core/ports/knowledge.js';
import { apiKeyHeaders, type HelpCenterArticle, type PagedList, publishedArticles, readPages, savedResponseReader } from './help-center-reader.js';
import type { PoliteFetcher } from './polite-fetch.js';
import type { SourceReader } from './source-reader.js';

type FreshdeskSource = Extract<KnowledgeSource, { kind: 'freshdesk' }>;

/** The fields of a solution article Baton reads (GET /api/v2/solutions/folders/{id}/articles). */
const articleSchema = z.object({
  id: z.number(),
  title: z.string(),
  /** HTML. */
  description: z.string().nullable().default(''),
  /** 1 draft, 2 published. */
  status: z.number(),
  folder_id: z.number().optional(),
  updated_at: z.string().optional(),
});
const idsSchema = z.array(z.object({ id: z.number(), visibility: z.number().optional() }));

/** Folder visibility as Freshdesk numbers it: 1 all users, 2 logged-in users; 3 agents, 4 to 7 chosen companies, bots or segments. */
const CUSTOMER_VISIBILITY = new Set([1, 2]);
const NAME = 'Freshdesk solution';
const PER_PAGE = 100;
const MAX_PAGES = 1000;

/**
 * Freshdesk solution articles, from the Solutions API v2 (categories, their folders, each folder's
 * articles 100 a page, the next page in the Link header) with an API key, or a saved articles response.
 * Drafts are left out. A folder for all or logged-in users has the source's audience, one listed in
 * `folders` its own; any other (agents, chosen companies, bots, segments) is internal.
 */
export function freshdeskReader(source: FreshdeskSource, fetcher: PoliteFetcher, env: NodeJS.ProcessEnv): SourceReader {
  const portal = source.portal_url ?? source.url;
  const toArticle = (a: z.infer<typeof articleSchema>, folderAudience: Audience): HelpCenterArticle => ({
    id: String(a.id),
    title: a.title,
    body: a.description ?? '',
    draft: a.status !== 2,
    ...(portal ? { url: new URL(`/support/solutions/articles/${a.id}`, portal).href } : {}),
    audience: (a.folder_id !== undefined ? source.folders[String(a.folder_id)] : undefined) ?? folderAudience,
    ...(a.updated_at ? { updatedAt: a.updated_at } : {}),
  });
  if (source.file) return savedResponseReader(source.file, { name: NAME, pageSchema: z.array(articleSchema) }, (saved) => saved.map((a) => toArticle(a, source.audience)));
  const headers = apiKeyHeaders(source.token_env && env[source.token_env]);
  const list = async <T>(path: string, schema: z.ZodType<T[]>): Promise<T[]> => {
    const api: PagedList<T[]> = { name: NAME, pageSchema: schema, maxPages: MAX_PAGES, next: (_, link) => link };
    const read = await readPages(api, { url: new URL(`${path}?per_page=${PER_PAGE}`, source.url).href, headers }, fetcher);
    return read === 'unchanged' ? [] : read.pages.flat();
  };
  return async (previous) => {
    const articles: HelpCenterArticle[] = [];
    for (const category of await list('/api/v2/solutions/categories', idsSchema)) {
      for (const folder of await list(`/api/v2/solutions/categories/${category.id}/folders`, idsSchema)) {
        const audience: Audience = CUSTOMER_VISIBILITY.has(folder.visibility ?? 1) ? source.audience : { internal: true };
        const listed = await list(`/api/v2/solutions/folders/${folder.id}/articles`, z.array(articleSchema));
        articles.push(...listed.map((a) => toArticle({ ...a, folder_id: folder.id }, audience)));
      }
    }
    return publishedArticles(articles, previous);
  };
}
