import { z } from 'zod';
import type { KnowledgeSource } from '../../../config/knowledge-sources-schema.js';
import type { Audience } from '../../../core/ports/knowledge.js';
import { type HelpCenterApi, helpCenterReader } from './help-center-reader.js';
import type { PoliteFetcher } from './polite-fetch.js';
import type { SourceReader } from './source-reader.js';

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

/**
 * Zendesk Help Center articles, from the API (100 a page) or a saved API response. An article's user
 * segment sets its audience as the policy maps it, and a segment the policy does not map is internal: a
 * restricted article is never quoted by accident.
 */
export function zendeskReader(source: ZendeskSource, fetcher: PoliteFetcher, env: NodeJS.ProcessEnv): SourceReader {
  const audienceOf = (segment: number | string | null): Audience => (segment === null ? source.audience : (source.segments[String(segment)] ?? { internal: true }));
  const auth = source.email_env && source.token_env ? { authorization: `Basic ${Buffer.from(`${env[source.email_env]}/token:${env[source.token_env]}`).toString('base64')}` } : undefined;
  const locale = source.locale ? `/${encodeURIComponent(source.locale)}` : '';
  const api: HelpCenterApi<z.infer<typeof pageSchema>> = {
    name: 'Zendesk Help Center',
    from: source.file ? { file: source.file } : { url: new URL(`/api/v2/help_center${locale}/articles.json?per_page=100`, source.url).href, ...(auth ? { headers: auth } : {}) },
    pageSchema,
    maxPages: 1000,
    next: (page) => page.next_page,
    articles: (page) =>
      page.articles.map((a) => ({
        id: String(a.id),
        title: a.title,
        body: a.body ?? '',
        draft: a.draft,
        audience: audienceOf(a.user_segment_id),
        ...(a.html_url ? { url: a.html_url } : {}),
        ...(a.updated_at ? { updatedAt: a.updated_at } : {}),
      })),
  };
  return helpCenterReader(api, fetcher);
}
