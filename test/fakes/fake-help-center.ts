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
  /** Articles per page; Zendesk caps per_page at 100, the fake lower to show paging with few articles. */
  pageSize = 100;
  private rateLimited: { times: number; retryAfter: string } | undefined;
  private clock = 0;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<FakeHelpCenter> {
    let self: FakeHelpCenter | undefined;
    const server = createServer((req, res) => {
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
    if (url.pathname === '/robots.txt') return this.robots === undefined ? { status: 404, headers: {}, body: '' } : { status: 200, headers: { 'content-type': 'text/plain' }, body: this.robots };
    if (url.pathname === '/sitemap.xml') return { status: 200, headers: { 'content-type': 'application/xml' }, body: this.sitemap() };
    const page = this.pages.get(url.pathname);
    if (!page) return { status: 404, headers: {}, body: 'not found' };
    const lastModified = new Date(page.lastmod ?? '2026-01-01T00:00:00Z').toUTCString();
    if (headers['if-modified-since'] === lastModified) return { status: 304, headers: {}, body: '' };
    return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'last-modified': lastModified }, body: page.html };
  }

  private articlesPage(url: URL, headers: IncomingHttpHeaders): { status: number; headers: Record<string, string>; body: string } {
    const all = [...this.articles.values()].sort((a, b) => a.id - b.id);
    const etag = `"${createHash('sha1').update(JSON.stringify(all)).digest('hex')}"`;
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
    const all = [...this.articles.values()].sort((a, b) => a.id - b.id);
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

  private sitemap(): string {
    const urls = [...this.pages].map(([path, p]) => `<url><loc>${this.url}${path}</loc>${p.lastmod ? `<lastmod>${p.lastmod}</lastmod>` : ''}</url>`);
    return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.join('')}</urlset>`;
  }
}
