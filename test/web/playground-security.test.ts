import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/config/load-settings.js';
import { createLogger } from '../../src/infra/logger.js';
import { startPlayground, type RunningPlayground } from './start-playground.js';
import { launchChromium } from './browser.js';
import { pageClient, pageToken } from './playground-client.js';

/** The playground's own server, over real HTTP, against what another website or a rebound DNS name can send it. */
let running: RunningPlayground | undefined;

afterEach(async () => {
  await running?.stop();
  running = undefined;
});

async function start(env: Record<string, string> = {}): Promise<RunningPlayground> {
  const dir = mkdtempSync(join(tmpdir(), 'baton-web-guard-'));
  const settings = loadSettings({ PORT: '0', BATON_STORE: `sqlite://${join(dir, 'p.sqlite')}`, LOG_LEVEL: 'silent', ...env });
  running = await startPlayground({ env: settings.env, policy: settings.policy, log: createLogger('silent') });
  return running;
}

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request with exactly the headers given (Host included), as a browser on another site or a rebound name would send it. */
function raw(url: string, path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method: opts.method ?? 'GET', headers: opts.headers ?? {} }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const customerMessages = (p: RunningPlayground) => p.feed.find((e) => e.type === 'message' && e.role === 'customer');
const question = JSON.stringify({ account: 'acme', customer: 'web-acme-alex', text: 'Can I talk to a human please?' });

describe('who may drive the playground', () => {
  it('refuses text/plain, form and foreign-origin posts, and posts without the page token, then takes its own page\u2019s', async () => {
    const p = await start();
    const token = await pageToken(p.url);
    const own = { origin: p.url, 'x-baton-page-token': token };
    const refused = await Promise.all([
      raw(p.url, '/api/customer-messages', { method: 'POST', headers: { 'content-type': 'text/plain', origin: 'http://evil.example' }, body: question }),
      raw(p.url, '/api/reset', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://evil.example' }, body: 'a=1' }),
      raw(p.url, '/api/customer-messages', { method: 'POST', headers: { ...own, 'content-type': 'text/plain' }, body: question }),
      raw(p.url, '/api/customer-messages', { method: 'POST', headers: { ...own, 'content-type': 'application/json', origin: 'http://evil.example' }, body: question }),
      raw(p.url, '/api/customer-messages', { method: 'POST', headers: { ...own, 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' }, body: question }),
      raw(p.url, '/api/customer-messages', { method: 'POST', headers: { 'content-type': 'application/json', origin: p.url }, body: question }),
      raw(p.url, '/api/customer-messages', { method: 'POST', headers: { 'content-type': 'application/json', 'x-baton-page-token': token }, body: question }),
    ]);
    expect(refused.map((r) => r.status)).toEqual([415, 415, 415, 403, 403, 403, 403]);
    expect(JSON.parse(refused[6]!.body).error).toContain('Origin header is missing');
    expect(customerMessages(p)).toBeUndefined();
    const taken = await (await pageClient(p.url)).call('/api/customer-messages', JSON.parse(question));
    expect(taken.status).toBe(200);
    expect(customerMessages(p)).toBeDefined();
  });

  it('answers only at its own address: a rebound name is refused everywhere, the event stream included', async () => {
    const p = await start();
    const port = new URL(p.url).port;
    for (const path of ['/', '/api/events', '/api/setup', '/api/report?days=7', '/app.js']) {
      const rebound = await raw(p.url, path, { headers: { host: `attacker.example:${port}` } });
      expect([path, rebound.status]).toEqual([path, 403]);
    }
    expect((await raw(p.url, '/api/setup', { headers: { host: `127.0.0.1:${Number(port) + 1}` } })).status).toBe(403);
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]) expect((await raw(p.url, '/api/setup', { headers: { host } })).status).toBe(200);
  });

  it('bound to every interface, takes an address but never a name it was not given', async () => {
    const p = await start({ BATON_PLAYGROUND_HOST: '0.0.0.0' });
    const port = new URL(p.url).port;
    expect((await raw(p.url, '/api/setup', { headers: { host: `192.0.2.10:${port}` } })).status).toBe(200);
    expect((await raw(p.url, '/api/setup', { headers: { host: `rebind.example:${port}` } })).status).toBe(403);
  });

  it('serves every page, script and API response with a strict CSP, no sniffing and no framing', async () => {
    const p = await start();
    for (const path of ['/', '/app.js', '/style.css', '/api/setup']) {
      const { headers } = await raw(p.url, path, { headers: { host: new URL(p.url).host } });
      expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(headers['content-security-policy']).toContain("script-src 'self'");
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['x-frame-options']).toBe('DENY');
    }
  });
});

describe('a real page on another origin, in Chromium', () => {
  let browser: BrowserContext;
  let evil: Server;
  let evilUrl: string;
  /** The attacker's page: whatever HTML the test hands it. */
  let evilHtml = '';

  beforeAll(async () => {
    browser = await launchChromium();
    evil = createServer((_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end(evilHtml));
    await new Promise<void>((r) => evil.listen(0, '127.0.0.1', r));
    evilUrl = `http://localhost:${(evil.address() as AddressInfo).port}`;
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => evil?.close(r));
  });

  it('cannot post a message or reset the playground with a form or a text/plain fetch', async () => {
    const p = await start();
    const client = await pageClient(p.url);
    await client.call('/api/customer-messages', { account: 'acme', customer: 'web-acme-alex', text: 'How do I invite a teammate?' });
    evilHtml = `<!doctype html><form id="f" method="post" action="${p.url}/api/reset" enctype="text/plain"><input name='{"a":"' value='1"}'></form>`;
    const page = await browser.newPage();
    await page.goto(evilUrl);
    // The answer reaches the browser, which then withholds it from the other site (Cross-Origin-Resource-Policy).
    const fetched = await page.evaluate(async (target) => {
      const body = JSON.stringify({ account: 'acme', customer: 'web-acme-alex', text: 'Can I talk to a human please?' });
      return fetch(`${target}/api/customer-messages`, { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body }).then(() => 'read', () => 'withheld');
    }, p.url);
    expect(fetched).toBe('withheld');
    await Promise.all([page.waitForURL(`${p.url}/api/reset`), page.locator('#f').evaluate((f) => (f as unknown as { submit(): void }).submit())]);
    expect(await page.textContent('body')).toContain('takes JSON only');
    // The other site's tab goes before the playground stops, as its open connections would hold the stop.
    await browser.close();
    const shown = (text: string) => p.feed.find((e) => e.type === 'message' && e.role === 'customer' && e.html.includes(text));
    expect(shown('invite a teammate')).toBeDefined();
    expect(shown('talk to a human')).toBeUndefined();
    expect(p.feed.find((e) => e.type === 'reset')).toBeUndefined();
  });
});
