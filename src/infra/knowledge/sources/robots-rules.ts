import { createRequire } from 'node:module';
import { type PoliteFetcher, ROBOTS_AGENT, SourceReadError } from './polite-fetch.js';

// robots-parser is CommonJS typed as an ES default export, which NodeNext resolution reads wrongly.
const robotsParser = createRequire(import.meta.url)('robots-parser') as typeof import('robots-parser').default;

/**
 * Whether a site's robots.txt lets Baton read a page, fetched once per site per sync; its Crawl-delay
 * spaces Baton's requests to that site. No robots.txt (404)
 * allows everything; one that cannot be read stops the sync, as RFC 9309 asks of a crawler.
 */
export class RobotsRules {
  private readonly sites = new Map<string, Promise<(url: string) => boolean>>();

  constructor(private readonly fetcher: PoliteFetcher) {}

  async allows(url: string): Promise<boolean> {
    const origin = new URL(url).origin;
    let rules = this.sites.get(origin);
    if (!rules) {
      rules = this.read(origin);
      this.sites.set(origin, rules);
    }
    return (await rules)(url);
  }

  private async read(origin: string): Promise<(url: string) => boolean> {
    const robotsUrl = `${origin}/robots.txt`;
    const res = await this.fetcher.get(robotsUrl);
    if (res.status === 404 || res.status === 410) return () => true;
    if (res.status !== 200) throw new SourceReadError(`${robotsUrl} answered HTTP ${res.status}`);
    const robots = robotsParser(robotsUrl, res.body);
    const delay = robots.getCrawlDelay(ROBOTS_AGENT);
    if (delay) this.fetcher.slowDown(robotsUrl, delay * 1000);
    return (url) => robots.isAllowed(url, ROBOTS_AGENT) !== false;
  }
}
