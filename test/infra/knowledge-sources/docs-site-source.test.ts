import { describe, expect, it } from 'vitest';
import { PoliteFetcher, USER_AGENT } from '../../../src/infra/knowledge/sources/polite-fetch.js';
import { oneSource, synced, useFakeSite } from './source-world.js';

const page = (title: string, content: string) => `<!doctype html><html><head><title>${title} | Acme Docs</title></head><body>
<header><a href="/">Acme Docs</a> <a href="/pricing">Pricing</a></header>
<nav><ul><li><a href="/docs/sso">Single sign-on</a></li><li><a href="/docs/api">API</a></li></ul></nav>
<main><h1>${title}</h1>${content}</main>
<footer>Copyright Acme Inc. <a href="/privacy">Privacy policy</a></footer></body></html>`;

const SSO = page('Single sign-on', `<p>Baton supports SAML 2.0 single sign-on for every workspace owner.</p>
<h2>Configure your identity provider</h2><ol><li>Open <a href="/docs/security">Security settings</a></li><li>Upload the metadata XML file</li></ol>
<h2>Test the connection</h2><p>Run the check from the command line before you switch everyone over:</p><pre><code>curl -I https://sso.acme.test/health</code></pre>`);

const fakeSite = useFakeSite();
const docsSite = (source: Record<string, unknown>, maxBytes?: number) => oneSource({ id: 'docs', kind: 'docs_site', ...source }, maxBytes ? { fetch: { maxBytes } } : {});

describe('a docs site from its sitemap', () => {
  it('indexes each page by section, keeping lists, code and links and leaving navigation and footer out', async () => {
    const site = fakeSite();
    site.pages.set('/docs/sso', { html: SSO, lastmod: '2026-01-02' });
    const { entries } = await synced(docsSite({ sitemap: `${site.url}/sitemap.xml` }));
    expect(entries.map((e) => e.title)).toEqual(['Single sign-on', 'Single sign-on: Configure your identity provider', 'Single sign-on: Test the connection']);
    expect(entries[1]!.answer).toBe(`1. Open [Security settings](${site.url}/docs/security)\n2. Upload the metadata XML file`);
    expect(entries[2]!.answer).toContain('```\ncurl -I https://sso.acme.test/health\n```');
    const all = entries.map((e) => e.answer).join('\n');
    expect(all).not.toMatch(/Privacy policy|Pricing|Copyright/);
    expect(entries.every((e) => e.url === `${site.url}/docs/sso`)).toBe(true);
  });

  it('honours robots.txt and names Baton as its user agent', async () => {
    const site = fakeSite();
    site.robots = 'User-agent: Baton\nDisallow: /internal/\n';
    site.pages.set('/docs/sso', { html: SSO });
    site.pages.set('/internal/runbook', { html: page('On-call runbook', '<p>Restart the primary database only after paging the lead engineer.</p>') });
    const { entries } = await synced(docsSite({ sitemap: `${site.url}/sitemap.xml` }));
    expect(entries.some((e) => e.title?.includes('runbook'))).toBe(false);
    expect(site.requests.map((r) => r.path)).not.toContain('/internal/runbook');
    expect(site.requests.every((r) => r.headers['user-agent'] === USER_AGENT)).toBe(true);
  });

  it('skips pages whose lastmod did not move, asks the others "modified since?", and drops pages gone', async () => {
    const site = fakeSite();
    site.pages.set('/docs/sso', { html: SSO, lastmod: '2026-01-02' });
    site.pages.set('/docs/api', { html: page('API keys', '<p>Create an API key under Settings, then Developers, and keep it secret.</p>') });
    const s = docsSite({ sitemap: `${site.url}/sitemap.xml` });
    await synced(s);
    site.requests.length = 0;
    const again = await synced(s);
    expect(again.result).toMatchObject({ ok: true, articles: 2, added: 0, changed: 0, removed: 0 });
    expect(site.requests.map((r) => `${r.path} ${r.status}`)).toEqual(['/sitemap.xml 200', '/robots.txt 200', '/docs/api 304']);

    site.pages.delete('/docs/api');
    expect((await synced(s)).result).toMatchObject({ ok: true, articles: 1, removed: 1 });
  });

  it('reads a list of URLs, and a page over the size cap fails the sync without losing what it had', async () => {
    const site = fakeSite();
    site.pages.set('/docs/sso', { html: SSO });
    const s = docsSite({ urls: [`${site.url}/docs/sso`] }, 2000);
    expect((await synced(s)).entries).toHaveLength(3);
    site.pages.set('/docs/sso', { html: SSO + ' '.repeat(2000), lastmod: '2026-02-01' });
    const { result, entries } = await synced(s);
    expect(result.error).toBe(`${site.url}/docs/sso is larger than 2000 bytes`);
    expect(entries).toHaveLength(3);
  });

  it('spaces its requests to a site as robots.txt Crawl-delay asks, at least as the policy rate does', async () => {
    const site = fakeSite();
    site.pages.set('/docs/sso', { html: SSO });
    const fetcher = new PoliteFetcher({ requestsPerSecond: 20 });
    expect(fetcher.spacingMs(site.url)).toBe(50);
    site.robots = 'User-agent: Baton\nCrawl-delay: 0.2\nAllow: /\n';
    expect((await synced(oneSource({ id: 'docs', kind: 'docs_site', sitemap: `${site.url}/sitemap.xml` }, { fetcher }))).result).toMatchObject({ ok: true, articles: 1 });
    expect(fetcher.spacingMs(`${site.url}/docs/sso`)).toBe(200);
    expect(fetcher.spacingMs('http://elsewhere.test/')).toBe(50);
  });

  it('gives up on a page that does not answer in time and keeps what it had', async () => {
    const site = fakeSite();
    site.pages.set('/docs/sso', { html: SSO });
    const s = oneSource({ id: 'docs', kind: 'docs_site', urls: [`${site.url}/docs/sso`] }, { fetch: { timeoutMs: 300 } });
    await synced(s);
    site.stalled.add('/docs/sso');
    const { result, entries } = await synced(s);
    expect(result.error).toBe(`${site.url}/docs/sso could not be fetched (TimeoutError)`);
    expect(entries).toHaveLength(3);
  });
});
