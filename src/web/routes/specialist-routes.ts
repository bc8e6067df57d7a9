import type { z } from 'zod';
import { specialistRefusal } from '../../core/copy/refusals.js';
import { closeEscalation } from '../../core/escalation/close-escalation.js';
import { relayToCustomer } from '../../core/escalation/relay-reply.js';
import { claimEscalation, releaseEscalation, type ActionResult } from '../../core/escalation/specialist-actions.js';
import type { Routes } from '../../http/http-server.js';
import { closeBody, escalationBody, staffReplyBody } from '../normalize.js';
import type { PlaygroundContext } from '../playground-context.js';
import { PLAYGROUND_STAFF } from '../playground-policy.js';
import { serveDraftRoutes } from './draft-routes.js';
import { readJson, sendJson } from './json-io.js';

const NOT_FOUND = 'This escalation no longer exists.';

type Action = (ctx: PlaygroundContext, body: z.infer<typeof escalationBody>) => Promise<ActionResult>;

const ACTIONS: Record<string, Action> = {
  '/api/claim': (ctx, b) => claimEscalation(ctx.core, b.escalationId, PLAYGROUND_STAFF),
  '/api/release': (ctx, b) => releaseEscalation(ctx.core, b.escalationId, PLAYGROUND_STAFF),
};

/** What a specialist does on a queue's board: claim, release, close with the three tags, reply to the customer. */
export function serveSpecialistRoutes(server: Routes, ctx: PlaygroundContext): void {
  const { core } = ctx;

  for (const [path, act] of Object.entries(ACTIONS)) {
    server.route('POST', path, async (req, res) => {
      const body = await readJson(req, res, escalationBody);
      if (!body) return;
      const result = await act(ctx, body);
      sendJson(res, result.ok ? 200 : 409, { ok: result.ok, refusal: specialistRefusal(result, (who) => who.name ?? who.id) });
    });
  }

  server.route('POST', '/api/close', async (req, res) => {
    const body = await readJson(req, res, closeBody);
    if (!body) return;
    const { escalationId, ...input } = body;
    if (!(await core.escalations.get(escalationId))) return sendJson(res, 404, { ok: false, refusal: NOT_FOUND });
    const result = await closeEscalation(core, escalationId, PLAYGROUND_STAFF, input);
    if (result.ok) return sendJson(res, 200, { ok: true });
    if (result.reason === 'invalid') return sendJson(res, 422, { ok: false, errors: result.errors });
    sendJson(res, 409, { ok: false, refusal: specialistRefusal(result, (who) => who.name ?? who.id) });
  });

  serveDraftRoutes(server, ctx);

  /** "Reply to customer" from the packet: the core relays it to the customer's thread and claims the escalation. */
  server.route('POST', '/api/reply', async (req, res) => {
    const body = await readJson(req, res, staffReplyBody);
    if (!body) return;
    const result = await relayToCustomer(core, body.escalationId, PLAYGROUND_STAFF, body.text);
    if (result.ok) return sendJson(res, 200, { ok: true });
    sendJson(res, result.reason === 'not_found' ? 404 : 400, { ok: false, error: result.reason === 'not_found' ? NOT_FOUND : 'Write something first.' });
  });
}
