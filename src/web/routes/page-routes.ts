import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeForm } from '../../core/escalation/close-escalation.js';
import type { Routes } from '../../http/http-server.js';
import type { PlaygroundContext } from '../playground-context.js';
import { customersOf, PLAYGROUND_STAFF, PLAYGROUND_TEAM, queueRoom, roomOf } from '../playground-policy.js';
import { sendJson } from './json-io.js';
import { slaLabel } from '../../core/hours/queue-sla.js';

/** The page's files live in src/web/public; the same path holds from src/web/routes and dist/web/routes. */
const PUBLIC_DIR = fileURLToPath(new URL('../../../src/web/public/', import.meta.url));
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

/** The page, its scripts and styles (read once at start), the setup it draws from, and the live feed. */
export function servePageRoutes(server: Routes, ctx: PlaygroundContext): void {
  for (const file of readdirSync(PUBLIC_DIR)) {
    const type = TYPES[extname(file)];
    if (!type) continue;
    const raw = readFileSync(join(PUBLIC_DIR, file), 'utf8');
    const body = file === 'index.html' ? raw.replace('{{PAGE_TOKEN}}', ctx.pageToken) : raw;
    const headers = { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-cache' };
    server.route('GET', file === 'index.html' ? '/' : `/${file}`, (_req, res) => void res.writeHead(200, headers).end(body));
  }

  server.route('GET', '/api/setup', (_req, res) => {
    const { policy } = ctx.core;
    sendJson(res, 200, {
      accounts: policy.accounts.map((a) => ({ id: a.id, name: a.name, tier: a.tier, room: roomOf(a), customers: customersOf(a.id) })),
      queues: policy.queues.map((q) => ({ id: q.id, role: q.role, sla: slaLabel(q), board: queueRoom(q.id) })),
      staff: PLAYGROUND_STAFF,
      team: PLAYGROUND_TEAM,
      closeForm: closeForm(policy, ''),
    });
  });

  server.route('GET', '/api/events', (req, res) => {
    const last = Number(req.headers['last-event-id'] ?? 0);
    ctx.feed.stream(res, Number.isFinite(last) ? last : 0);
  });

  server.route('POST', '/api/reset', async (_req, res) => {
    try {
      await ctx.reset();
      sendJson(res, 200, { ok: true });
    } catch (err) {
      if ((err as { code?: string }).code !== 'BATON_RESET_REDIS') throw err;
      sendJson(res, 409, { error: (err as Error).message });
    }
  });
}
