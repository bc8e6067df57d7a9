import Bottleneck from 'bottleneck';

/** How Baton introduces itself to help centers and docs sites; robots.txt rules for "Baton" apply to it. */
export const USER_AGENT = 'Baton/1.0 (support bot; knowledge sync)';
export const ROBOTS_AGENT = 'Baton';

/** What a server said about a resource, sent back to ask "changed since?" (ETag / Last-Modified). */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

export interface Fetched extends Validators {
  /** 200, or 304 (not modified since the validators), or 404 / 410 (gone). */
  status: number;
  body: string;
  /** The page after this one, from a `Link: <...>; rel="next"` header (Freshdesk pages its lists so). */
  next?: string;
}

export interface FetchOptions {
  requestsPerSecond: number;
  timeoutMs?: number;
  /** A response larger than this is refused, so one runaway page cannot fill memory. */
  maxBytes?: number;
  /** Waits out a Retry-After; tests pass one that records the wait instead of sleeping. */
  wait?: (ms: number) => Promise<void>;
}

const RETRIES = 3;
const MAX_RETRY_AFTER_MS = 120_000;
const MAX_CRAWL_DELAY_MS = 60_000;
const OUTCOMES = new Set([200, 304, 404, 410]);

/** Thrown for a source that cannot be read; `message` is safe for the log, /readyz and `baton kb sources`. */
export class SourceReadError extends Error {
  readonly code = 'BATON_SOURCE_READ';
}

/**
 * GET with the manners a crawler owes a site: a user agent naming Baton, one request at a time per host at
 * most `requestsPerSecond`, a timeout, a size cap, conditional requests, and 429 / 503 answered by waiting
 * the Retry-After (a few times) rather than retrying at once.
 */
export class PoliteFetcher {
  private readonly hosts = new Map<string, Bottleneck>();
  private readonly spacings = new Map<Bottleneck, number>();
  private readonly wait: (ms: number) => Promise<void>;

  constructor(private readonly opts: FetchOptions) {
    this.wait = opts.wait ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  async get(url: string, opts: { validators?: Validators | undefined; headers?: Record<string, string> } = {}): Promise<Fetched> {
    const headers: Record<string, string> = { 'user-agent': USER_AGENT, ...opts.headers };
    if (opts.validators?.etag) headers['if-none-match'] = opts.validators.etag;
    if (opts.validators?.lastModified) headers['if-modified-since'] = opts.validators.lastModified;
    for (let attempt = 0; ; attempt++) {
      const res = await this.limiter(url).schedule(() => this.request(url, headers));
      if ((res.status === 429 || res.status === 503) && attempt < RETRIES) {
        await this.wait(retryAfterMs(res.headers.get('retry-after')));
        continue;
      }
      if (!OUTCOMES.has(res.status)) {
        await res.body?.cancel();
        throw new SourceReadError(`${url} answered HTTP ${res.status}${res.status === 429 ? ` after ${RETRIES} retries` : ''}`);
      }
      const body = res.status === 200 ? await this.text(res, url) : '';
      const next = nextLink(res.headers.get('link'));
      return { status: res.status, body, ...validatorsOf(res), ...(next ? { next } : {}) };
    }
  }

  private async request(url: string, headers: Record<string, string>): Promise<Response> {
    try {
      return await fetch(url, { headers, signal: AbortSignal.timeout(this.opts.timeoutMs ?? 20_000) });
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name;
      throw new SourceReadError(`${url} could not be fetched (${cause})`);
    }
  }

  private async text(res: Response, url: string): Promise<string> {
    const max = this.opts.maxBytes ?? 5_000_000;
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of res.body ?? []) {
      size += (chunk as Uint8Array).byteLength;
      if (size > max) throw new SourceReadError(`${url} is larger than ${max} bytes`);
      chunks.push(chunk as Uint8Array);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  /**
   * Spaces requests to a site at least `ms` apart, as its robots.txt Crawl-delay asks (never faster than
   * the policy's rate), up to a minute.
   */
  slowDown(url: string, ms: number): void {
    const limiter = this.limiter(url);
    const spacing = Math.min(Math.max(ms, this.spacing(limiter)), MAX_CRAWL_DELAY_MS);
    this.spacings.set(limiter, spacing);
    limiter.updateSettings({ minTime: spacing });
  }

  /** The least time between two requests to the host of `url`, in ms. */
  spacingMs(url: string): number {
    return this.spacing(this.limiter(url));
  }

  private spacing(limiter: Bottleneck): number {
    return this.spacings.get(limiter) ?? Math.ceil(1000 / this.opts.requestsPerSecond);
  }

  private limiter(url: string): Bottleneck {
    const host = new URL(url).host;
    let limiter = this.hosts.get(host);
    if (!limiter) {
      limiter = new Bottleneck({ maxConcurrent: 1, minTime: Math.ceil(1000 / this.opts.requestsPerSecond) });
      this.hosts.set(host, limiter);
    }
    return limiter;
  }
}

function validatorsOf(res: Response): Validators {
  const etag = res.headers.get('etag');
  const lastModified = res.headers.get('last-modified');
  return { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
}

function nextLink(header: string | null): string | undefined {
  return header?.match(/<([^>]+)>\s*;\s*rel="?next"?/i)?.[1];
}

/** Retry-After in seconds or as an HTTP date; absent or unreadable: one second. */
export function retryAfterMs(header: string | null, now = Date.now()): number {
  if (!header) return 1000;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now;
  return Math.min(Math.max(Number.isFinite(ms) ? ms : 1000, 0), MAX_RETRY_AFTER_MS);
}
