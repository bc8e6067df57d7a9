import { z } from 'zod';
import type { KnowledgeSource } from '../../../config/knowledge-sources-schema.js';
import { type HelpCenterApi, helpCenterReader } from './help-center-reader.js';
import type { PoliteFetcher } from './polite-fetch.js';
import type { SourceReader } from './source-reader.js';

type IntercomSource = Extract<KnowledgeSource, { kind: 'intercom' }>;

/** The fields of an Intercom article Baton reads (GET /articles, Intercom API 2.x). */
const articleSchema = z.object({
  id: z.union([z.string(), z.number()]),
  title: z.string(),
  body: z.string().nullable().default(''),
  url: z.string().nullable().default(null),
  state: z.string(),
  updated_at: z.number().optional(),
});
const pageSchema = z.object({ data: z.array(articleSchema), pages: z.object({ next: z.string().nullable().optional() }).optional() });

/**
 * Intercom Help Center articles, from the Articles API (50 a page, `pages.next`) with a bearer token, or
 * a saved response. Only published articles are used; their audience is the source's.
 */
export function intercomReader(source: IntercomSource, fetcher: PoliteFetcher, env: NodeJS.ProcessEnv): SourceReader {
  const headers = { authorization: `Bearer ${source.token_env ? env[source.token_env] : ''}`, accept: 'application/json', 'intercom-version': '2.11' };
  const api: HelpCenterApi<z.infer<typeof pageSchema>> = {
    name: 'Intercom',
    from: source.file ? { file: source.file } : { url: new URL('/articles?per_page=50', source.url).href, headers },
    pageSchema,
    maxPages: 2000,
    next: (page) => page.pages?.next,
    articles: (page) =>
      page.data.map((a) => ({
        id: String(a.id),
        title: a.title,
        body: a.body ?? '',
        draft: a.state !== 'published',
        audience: source.audience,
        ...(a.url ? { url: a.url } : {}),
        ...(a.updated_at !== undefined ? { updatedAt: String(a.updated_at) } : {}),
      })),
  };
  return helpCenterReader(api, fetcher);
}
