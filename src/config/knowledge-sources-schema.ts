import { z } from 'zod';
import type { Audience } from '../core/ports/knowledge.js';

const id = z.string().min(1).regex(/^[a-z0-9_-]+$/i, 'letters, digits, "_" or "-"');
const envName = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'the name of an environment variable, such as ZENDESK_TOKEN');
const httpUrl = z.url({ protocol: /^https?$/, error: 'an http(s) URL' });

/** `everyone`, `internal` (staff only), `{ tiers: [...] }` or `{ accounts: [...] }`. */
export const audienceSchema = z.union([
  z.literal('everyone').transform((): Audience => ({ everyone: true })),
  z.literal('internal').transform((): Audience => ({ internal: true })),
  z.object({ tiers: z.array(z.string().min(1)).min(1) }).strict(),
  z.object({ accounts: z.array(id).min(1) }).strict(),
], { error: 'everyone, internal, { tiers: [...] } or { accounts: [...] }' });

const common = {
  id,
  audience: audienceSchema.default({ everyone: true }),
  /** How often the source is read again; a request that finds nothing changed costs one round trip. */
  sync_minutes: z.number().int().min(1).max(7 * 24 * 60).default(60),
};

/** Audiences by a help center's own id of a folder or collection. */
const audiencesById = (what: string) => z.record(z.string().regex(/^\d+$|^[0-9a-f]{24}$/, `a ${what} id`), audienceSchema).default({});

type ApiOrFile = { url?: string | undefined; file?: string | undefined; token_env?: string | undefined };

const needsToken = (s: ApiOrFile, ctx: z.RefinementCtx, api: string) => {
  if (s.file === undefined && s.token_env === undefined) ctx.addIssue({ code: 'custom', path: ['token_env'], message: `the ${api} API needs token_env (or give file, a saved response)` });
};

const eitherUrlOrFile = (s: ApiOrFile, ctx: z.RefinementCtx) => {
  if ((s.url === undefined) === (s.file === undefined)) ctx.addIssue({ code: 'custom', path: ['url'], message: 'give either url (the help center) or file (a saved API response), not both' });
};

const markdownSource = z.object({ ...common, kind: z.literal('markdown'), path: z.string().min(1) }).strict();

const zendeskSource = z.object({
  ...common,
  kind: z.literal('zendesk'),
  /** The help center's address, e.g. https://acme.zendesk.com (API) ... */
  url: httpUrl.optional(),
  /** ... or a saved Help Center API response (`{ "articles": [...] }`) for teams that export by hand. */
  file: z.string().min(1).optional(),
  locale: z.string().min(2).optional(),
  /** An agent's email and API token, read from these environment variables; without them only public articles are seen. */
  email_env: envName.optional(),
  token_env: envName.optional(),
  /** Audience of the articles of each user segment (by id); an article of a segment not listed here is internal. */
  segments: z.record(z.string().regex(/^\d+$/, 'a user segment id'), audienceSchema).default({}),
}).strict().superRefine((s, ctx) => {
  eitherUrlOrFile(s, ctx);
  if ((s.email_env === undefined) !== (s.token_env === undefined)) ctx.addIssue({ code: 'custom', path: [s.email_env ? 'token_env' : 'email_env'], message: 'email_env and token_env go together' });
});

const docsSiteSource = z.object({
  ...common,
  kind: z.literal('docs_site'),
  /** The site's sitemap.xml (a sitemap index is followed one level) ... */
  sitemap: httpUrl.optional(),
  /** ... or the pages to read. */
  urls: z.array(httpUrl).min(1).optional(),
  /** Pages read at most, so a runaway sitemap cannot fill the knowledge base. */
  max_pages: z.number().int().min(1).max(50_000).default(2000),
}).strict().superRefine((s, ctx) => {
  if ((s.sitemap === undefined) === (s.urls === undefined)) ctx.addIssue({ code: 'custom', path: ['sitemap'], message: 'give either sitemap or urls, not both' });
});

const intercomSource = z.object({
  ...common,
  kind: z.literal('intercom'),
  /** The Articles API of the workspace's region (api.eu.intercom.io, api.au.intercom.io) ... */
  url: httpUrl.default('https://api.intercom.io'),
  /** ... or a saved response of GET /articles (`{ "data": [...] }`). */
  file: z.string().min(1).optional(),
  /** An access token, read from this environment variable; needed for the API. */
  token_env: envName.optional(),
}).strict().superRefine((s, ctx) => needsToken(s, ctx, 'Intercom'));

const freshdeskSource = z.object({
  ...common,
  kind: z.literal('freshdesk'),
  /** The helpdesk's address, e.g. https://acme.freshdesk.com (Solutions API v2) ... */
  url: httpUrl.optional(),
  /** ... or a saved response of GET /api/v2/solutions/folders/{id}/articles (a JSON array of articles). */
  file: z.string().min(1).optional(),
  /** The customer portal articles link to, e.g. https://support.acme.com (default: url; without either, no link). */
  portal_url: httpUrl.optional(),
  /** An API key, read from this environment variable. */
  token_env: envName.optional(),
  /** Audience of the articles of each folder (by id); a folder for agents, or for chosen companies or segments, not listed here is internal. */
  folders: audiencesById('folder'),
}).strict().superRefine((s, ctx) => {
  eitherUrlOrFile(s, ctx);
  if (s.url !== undefined) needsToken(s, ctx, 'Freshdesk');
});

const helpScoutSource = z.object({
  ...common,
  kind: z.literal('helpscout'),
  /** The Docs API ... */
  url: httpUrl.default('https://docsapi.helpscout.net'),
  /** ... or a saved file instead: a JSON array of GET /v1/articles/{id} responses. */
  file: z.string().min(1).optional(),
  /** A Docs API key, read from this environment variable. */
  token_env: envName.optional(),
  /** Audience of the articles of each collection (by id); a private collection not listed here is internal. */
  collections: audiencesById('collection'),
}).strict().superRefine((s, ctx) => needsToken(s, ctx, 'Help Scout Docs'));

const exportSource = <K extends string>(kind: K) => z.object({
  ...common,
  kind: z.literal(kind),
  /** The export as downloaded (a .zip), or the folder it was unzipped into; read again when it changes. */
  path: z.string().min(1),
}).strict();

export const knowledgeSourceSchema = z.discriminatedUnion('kind', [markdownSource, zendeskSource, intercomSource, freshdeskSource, helpScoutSource, docsSiteSource, exportSource('confluence'), exportSource('notion')], {
  error: 'kind is one of markdown, zendesk, intercom, freshdesk, helpscout, docs_site, confluence, notion',
});

/** `knowledge:` in the policy: where the team's published articles are, kept in sync while Baton runs. */
export const knowledgeSchema = z.object({
  sources: z.array(knowledgeSourceSchema).default([]),
  /** Requests per second to any one host while syncing (help center APIs, docs sites). */
  requests_per_second: z.number().positive().max(100).default(2),
}).strict();

export type KnowledgeSource = z.infer<typeof knowledgeSourceSchema>;
export type KnowledgeSettings = z.infer<typeof knowledgeSchema>;
