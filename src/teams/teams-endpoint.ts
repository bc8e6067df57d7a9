import type { IncomingMessage, ServerResponse } from 'node:http';
import { authorizeJWT, type AgentApplication, type Request, type TurnState, type WebResponse } from '@microsoft/agents-hosting';
import { z } from 'zod';
import type { Metrics } from '../core/ports/metrics.js';
import type { HttpServer } from '../http/http-server.js';
import type { TeamsSettings } from './teams-settings.js';

/** Bot Framework activities are small; anything bigger is refused before it is parsed. */
const MAX_BODY_BYTES = 1024 * 1024;

class BadBody extends Error {}

/**
 * What every Bot Framework activity carries and the SDK needs to run a turn. An activity without them is
 * refused with 400: a 500 would make Teams deliver the same malformed activity again.
 */
const activityShape = z.looseObject({
  type: z.string().min(1),
  from: z.looseObject({ id: z.string().min(1) }),
  conversation: z.looseObject({ id: z.string().min(1) }),
});

function checkedActivity(body: Record<string, unknown>): Record<string, unknown> {
  const parsed = activityShape.safeParse(body);
  if (parsed.success) return body;
  const missing = [...new Set(parsed.error.issues.map((i) => i.path.join('.')))];
  throw new BadBody(`not a Bot Framework activity: ${missing.join(', ')} missing or invalid`);
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new BadBody('body too large');
    chunks.push(chunk);
  }
  try {
    const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (body && typeof body === 'object' && !Array.isArray(body)) return checkedActivity(body as Record<string, unknown>);
  } catch (err) {
    if (err instanceof BadBody) throw err;
    // not JSON: falls through to the refusal below
  }
  throw new BadBody('body is not a JSON object');
}

/** The SDK writes Express-style (status, send); this gives it that over a plain Node response. */
function webResponse(res: ServerResponse): WebResponse {
  const web: WebResponse = {
    status: (code) => {
      res.statusCode = code;
      return web;
    },
    setHeader: (name, value) => {
      res.setHeader(name, value);
      return web;
    },
    send: (body) => {
      if (res.writableEnded) return web;
      const json = typeof body === 'object' && body !== null && !Buffer.isBuffer(body);
      if (json && !res.hasHeader('content-type')) res.setHeader('content-type', 'application/json');
      res.end(body === undefined ? undefined : json ? JSON.stringify(body) : String(body));
      return web;
    },
    end: () => {
      if (!res.writableEnded) res.end();
      return web;
    },
    get headersSent() {
      return res.headersSent;
    },
    get writableEnded() {
      return res.writableEnded;
    },
  };
  return web;
}

/**
 * POST /api/messages on Baton's one HTTP server. Every request passes the SDK's own token check
 * (authorizeJWT: 401 without a valid Bot Framework token whenever an app id is set) before the adapter
 * sees it; CloudAdapter.process alone would trust anything (teams-agents-sdk.md §7.1).
 */
export function serveTeams(server: HttpServer, app: AgentApplication<TurnState>, settings: TeamsSettings, metrics: Metrics): void {
  const authorize = authorizeJWT(settings.auth);
  server.route('POST', '/api/messages', async (req, res) => {
    // The token first: a caller without one learns nothing about what Baton accepts (401, never a 400 on its body).
    const request = req as unknown as Request;
    const response = webResponse(res);
    let authorized = false;
    await authorize(request, response, (err?: unknown) => {
      if (err) throw err;
      authorized = true;
    });
    if (!authorized) return;
    try {
      request.body = await readJson(req);
    } catch (err) {
      if (!(err instanceof BadBody)) throw err;
      res.writeHead(400, { 'content-type': 'text/plain' }).end(`${err.message}\n`);
      return;
    }
    await app.adapter.process(request, response, (ctx) => app.run(ctx));
    if (res.statusCode < 300) metrics.eventAcked('teams');
  });
}
