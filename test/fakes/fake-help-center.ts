import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

/** A Help Center article as GET /api/v2/help_center/{locale}/articles.json returns it (the fields Baton reads, and a few it ignores). */
export interface FakeArticle {
  id: number;
  title: string;
  body: string;
  draft: boolean;
  user_segment_id: number | null;
  section_id: number;
  locale: string;
  html_url: string;
  updated_at: string;
}

export interface FakePage {
  html: string;
  lastmod?: string;
}

/**
 * One loopback server playing a Zendesk help center (the Help Center articles API: pages of `per_page`
 * with `next_page`, an ETag answered 304, 429 with Retry-After on demand) and a small docs site (a
 * sitemap, robots.txt and HTML pages, with Last-Modified answered 304). It records every request.
 */
export class FakeHelpCenter {
  readonly articles = new Map<number, FakeArticle>();
  readonly pages = new Map<string, FakePage>();
  readonly requests: { path: string; headers: IncomingHttpHeaders; status: number }[] = [];
  robots: string | undefined = 'User-agent: *\nAllow: /\n';
  /** Freshdesk folder visibility by folder (an article's section_id): 1 all users unless set (3 agents, 4 chosen companies...). */
  readonly folderVisibility = new Map<number, number>();
  /** Help Scout collection visibility by collection (an article's section_id): public unless set. */
  readonly collectionVisibility = new Map<number, 'public' | 'private'>();
  /** Paths that are never answered, for timeouts. */
  readonly stalled = new Set<string>();
  /** Articles per page; Zendesk caps per_page at 100, the fake lower to show paging with few articles. */
  pageSize = 100;
  private rateLimited: { times: number; retryAfter: string } | undefined;
  private clock = 0;
  private listed: { key: string; all: FakeArticle[]; etag: string } | undefined;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<FakeHelpCenter> {
    let self: FakeHelpCenter | undefined;
    const server = createServer((req, res) => {
      if (self!.stalled.has(req.url ?? '/')) return;
      const answer = self!.answer(req.url ?? '/', req.headers);
      self!.requests.push({ path: req.url ?? '/', headers: req.headers, status: answer.status });
      res.writeHead(answer.status, answer.headers).end(answer.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    self = new FakeHelpCenter(server, `http://127.0.0.1:${port}`);
    return self;
  }

  /** Publishes (or replaces) an article; it is visible to everyone unless a segment is given. */
  publish(a: Pick<FakeArticle, 'id' | 'title' | 'body'> & Partial<FakeArticle>): void {
    this.articles.set(a.id, { draft: false, user_segment_id: null, section_id: 360001, locale: 'en-us', html_url: `${this.url}/hc/en-us/articles/${a.id}`, updated_at: this.tick(), ...a });
  }

  change(id: number, patch: Partial<FakeArticle>): void {
    this.articles.set(id, { ...this.articles.get(id)!, ...patch, updated_at: this.tick() });
  }

  /** The next `times` requests are answered 429 with this Retry-After. */
  rateLimit(times: number, retryAfter: string): void {
    this.rateLimited = { times, retryAfter };
  }

  apiRequests(): { path: string; headers: IncomingHttpHeaders; status: number }[] {
    return this.requests.filter((r) => r.path.startsWith('/api/'));
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private tick(): string {
    this.clock += 1;
    return new Date(Date.UTC(2026, 0, 1, 0, this.clock)).toISOString().replace('.000Z', 'Z');
  }

  private answer(path: string, headers: IncomingHttpHeaders): { status: number; headers: Record<string, string>; body: string } {
    if (this.rateLimited && this.rateLimited.times > 0) {
      this.rateLimited.times -= 1;
      return { status: 429, headers: { 'retry-after': this.rateLimited.retryAfter }, body: '' };
    }
    const url = new URL(path, this.url);
    if (/^\/api\/v2\/help_center(\/[a-z-]+)?\/articles\.json$/.test(url.pathname)) return this.articlesPage(url, headers);
    if (url.pathname === '/articles') return this.intercomPage(url);
    if (url.pathname.startsWith('/api/v2/solutions/')) return this.freshdesk(url);
    if (url.pathname.startsWith('/v1/')) return this.helpScout(url);
    if (url.pathname === '/robots.txt') return this.robots === undefined ? { status: 404, headers: {}, body: '' } : { status: 200, headers: { 'content-type': 'text/plain' }, body: this.robots };
    if (url.pathname === '/sitemap.xml') return { status: 200, headers: { 'content-type': 'application/xml' }, body: this.sitemap() };
    const page = this.pages.get(url.pathname);
    if (!page) return { status: 404, headers: {}, body: 'not found' };
    const lastModified = new Date(page.lastmod ?? '2026-01-01T00:00:00Z').toUTCString();
    if (headers['if-modified-since'] === lastModified) return { status: 304, headers: {}, body: '' };
    return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'last-modified': lastModified }, body: page.html };
  }

  private articlesPage(url: URL, headers: IncomingHttpHeaders): { status: number; headers: Record<string, string>; body: string } {
    const all = this.sorted();
    const etag = this.etag();
    if (headers['if-none-match'] === etag) return { status: 304, headers: { etag }, body: '' };
    const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), this.pageSize);
    const page = Number(url.searchParams.get('page') ?? 1);
    const pageCount = Math.max(1, Math.ceil(all.length / perPage));
    const next = page < pageCount ? `${this.url}${url.pathname}?page=${page + 1}&per_page=${perPage}` : null;
    const body = { articles: all.slice((page - 1) * perPage, page * perPage), next_page: next, previous_page: null, page, per_page: perPage, page_count: pageCount, count: all.length, sort_by: 'position', sort_order: 'asc' };
    return { status: 200, headers: { 'content-type': 'application/json', etag }, body: JSON.stringify(body) };
  }

  /** The same articles as Intercom's GET /articles lists them: `data`, `pages.next`, `state`, `updated_at` in seconds. */
  private intercomPage(url: URL): { status: number; headers: Record<string, string>; body: string } {
    const all = this.sorted();
    const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 50), this.pageSize);
    const page = Number(url.searchParams.get('page') ?? 1);
    const totalPages = Math.max(1, Math.ceil(all.length / perPage));
    const data = all.slice((page - 1) * perPage, page * perPage).map((a) => ({
      type: 'article',
      id: String(a.id),
      workspace_id: 'ws1',
      title: a.title,
      description: '',
      body: a.body,
      author_id: 7,
      state: a.draft ? 'draft' : 'published',
      created_at: 1767225600,
      updated_at: Date.parse(a.updated_at) / 1000,
      url: a.draft ? null : `${this.url}/help/en/articles/${a.id}`,
    }));
    const next = page < totalPages ? `${this.url}/articles?per_page=${perPage}&page=${page + 1}` : null;
    return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'list', data, total_count: all.length, pages: { type: 'pages', page, per_page: perPage, total_pages: totalPages, next } }) };
  }

  /** The articles by id, sorted again only when they changed: the bench asks for 5,000 of them page by page. */
  private sorted(): FakeArticle[] {
    const key = `${this.clock}:${this.articles.size}`;
    if (this.listed?.key !== key) {
      const all = [...this.articles.values()].sort((a, b) => a.id - b.id);
      this.listed = { key, all, etag: `"${createHash('sha1').update(JSON.stringify(all)).digest('hex')}"` };
    }
    return this.listed.all;
  }

  private etag(): string {
    this.sorted();
    return this.listed!.etag;
  }

  /**
   * Freshdesk's Solutions API v2: one category, a folder per section (with its visibility), each folder's
   * articles `per_page` at a time (`status` 1 draft, 2 published), the next page in the Link header.
   */
  private freshdesk(url: URL): { status: number; headers: Record<string, string>; body: string } {
    const paged = (items: unknown[]) => {
      const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), this.pageSize);
      const page = Number(url.searchParams.get('page') ?? 1);
      const next = new URL(url);
      next.searchParams.set('page', String(page + 1));
      const headers: Record<string, string> = { 'content-type': 'application/json', ...(page * perPage < items.length ? { link: `<${next.href}>; rel="next"` } : {}) };
      return { status: 200, headers, body: JSON.stringify(items.slice((page - 1) * perPage, page * perPage)) };
    };
    const stamp = '2026-01-01T00:00:00Z';
    if (url.pathname === '/api/v2/solutions/categories') return paged([{ id: 1, name: 'Product', description: null, visible_in_portals: [1], created_at: stamp, updated_at: stamp }]);
    if (url.pathname === '/api/v2/solutions/categories/1/folders') {
      const folders = [...new Set(this.sorted().map((a) => a.section_id))];
      return paged(folders.map((id) => ({ id, name: `Folder ${id}`, description: null, visibility: this.folderVisibility.get(id) ?? 1, created_at: stamp, updated_at: stamp })));
    }
    const folder = Number(url.pathname.match(/^\/api\/v2\/solutions\/folders\/(\d+)\/articles$/)?.[1]);
    if (!folder) return { status: 404, headers: {}, body: '{"code":"not_found"}' };
    const articles = this.sorted().filter((a) => a.section_id === folder);
    return paged(articles.map((a) => ({ id: a.id, type: 1, category_id: 1, folder_id: folder, title: a.title, description: a.body, description_text: a.body.replace(/<[^>]+>/g, ''), status: a.draft ? 1 : 2, agent_id: 7, tags: [], created_at: stamp, updated_at: a.updated_at })));
  }

  /** A fake article's id as Help Scout writes ids: 24 hex digits. */
  static helpScoutId(id: number): string {
    return id.toString(16).padStart(24, '0');
  }

  /**
   * Help Scout's Docs API v1: a collection per section (with its visibility), each one's articles
   * (`status=published` honoured) as `{ articles: { page, pages, items } }` without their text, and
   * GET /v1/articles/{id} with it.
   */
  private helpScout(url: URL): { status: number; headers: Record<string, string>; body: string } {
    const json = (body: unknown) => ({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const list = (name: string, items: unknown[]) => {
      const pageSize = Math.min(Number(url.searchParams.get('pageSize') ?? 50), this.pageSize);
      const page = Number(url.searchParams.get('page') ?? 1);
      return json({ [name]: { page, pages: Math.max(1, Math.ceil(items.length / pageSize)), count: items.length, items: items.slice((page - 1) * pageSize, page * pageSize) } });
    };
    const hsId = FakeHelpCenter.helpScoutId;
    const stamp = '2026-01-01T00:00:00Z';
    const status = (a: FakeArticle) => (a.draft ? 'notpublished' : 'published');
    const publicUrl = (a: FakeArticle) => `${this.url}/docs/article/${a.id}-article`;
    if (url.pathname === '/v1/collections') {
      const ids = [...new Set(this.sorted().map((a) => a.section_id))];
      return list('collections', ids.map((id, i) => ({ id: hsId(id), siteId: hsId(1), number: i + 1, slug: `collection-${id}`, visibility: this.collectionVisibility.get(id) ?? 'public', order: i, name: `Collection ${id}`, createdAt: stamp, updatedAt: stamp })));
    }
    const collection = url.pathname.match(/^\/v1\/collections\/([0-9a-f]{24})\/articles$/)?.[1];
    if (collection) {
      const only = url.searchParams.get('status');
      const items = this.sorted().filter((a) => hsId(a.section_id) === collection && (!only || only === 'all' || status(a) === only));
      return list('articles', items.map((a) => ({ id: hsId(a.id), number: a.id, collectionId: collection, status: status(a), hasDraft: false, name: a.title, publicUrl: publicUrl(a), createdAt: stamp, updatedAt: a.updated_at, lastPublishedAt: a.updated_at })));
    }
    const article = this.sorted().find((a) => url.pathname === `/v1/articles/${hsId(a.id)}`);
    if (!article) return { status: 404, headers: {}, body: '' };
    return json({ article: { id: hsId(article.id), number: article.id, collectionId: hsId(article.section_id), slug: 'article', status: status(article), hasDraft: false, name: article.title, text: article.body, categories: [], related: [], publicUrl: publicUrl(article), createdAt: stamp, updatedAt: article.updated_at, lastPublishedAt: article.updated_at } });
  }

  private sitemap(): string {
    const urls = [...this.pages].map(([path, p]) => `<url><loc>${this.url}${path}</loc>${p.lastmod ? `<lastmod>${p.lastmod}</lastmod>` : ''}</url>`);
    return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.join('')}</urlset>`;
  }
}
