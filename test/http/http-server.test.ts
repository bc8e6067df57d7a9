import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpServer } from '../../src/http/http-server.js';
import { createLogger } from '../../src/infra/logger.js';

const log = createLogger('silent');
let server: HttpServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(setup: (s: HttpServer) => void): Promise<string> {
  server = new HttpServer(log);
  setup(server);
  return `http://127.0.0.1:${await server.listen(0)}`;
}

describe('the shared HTTP server', () => {
  it('routes by method and exact path, with plain Node handlers, also for routes added after listen', async () => {
    const base = await serve((s) => s.route('POST', '/api/messages', (_req, res) => void res.writeHead(202).end('taken')));
    server?.route('GET', '/late', (_req, res) => void res.end('late'));
    const posted = await fetch(`${base}/api/messages?x=1`, { method: 'POST', body: '{}' });
    expect([posted.status, await posted.text()]).toEqual([202, 'taken']);
    expect(await (await fetch(`${base}/late`)).text()).toBe('late');
    expect((await fetch(`${base}/api/messages`)).status).toBe(405);
    expect((await fetch(`${base}/nowhere`)).status).toBe(404);
  });

  it('runs a guard before the routes added through its view only', async () => {
    const base = await serve((s) => {
      const refuse = (_req: unknown, res: ServerResponse) => {
        res.writeHead(403).end('refused');
        return false;
      };
      s.guarded(refuse).route('GET', '/page', (_req, res) => void res.end('page'));
      s.route('GET', '/open', (_req, res) => void res.end('open'));
    });
    const page = await fetch(`${base}/page`);
    expect([page.status, await page.text()]).toEqual([403, 'refused']);
    expect(await (await fetch(`${base}/open`)).text()).toBe('open');
    expect((await fetch(`${base}/nowhere`)).status).toBe(404);
  });

  it('answers 500 without details when a handler throws, and keeps serving', async () => {
    const base = await serve((s) =>
      s.route('GET', '/boom', async () => {
        throw new Error('secret internals');
      }),
    );
    const res = await fetch(`${base}/boom`);
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain('secret');
    expect((await fetch(`${base}/boom`)).status).toBe(500);
  });

  it('refuses a second handler for the same route', () => {
    server = new HttpServer(log);
    server.route('GET', '/healthz', (_req, res) => void res.end());
    expect(() => server?.route('GET', '/healthz', (_req, res) => void res.end())).toThrow('already taken');
  });
});
