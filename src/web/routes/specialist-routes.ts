import type { z } from 'zod';
import { specialistRefusal } from '../../core/copy/refusals.js';
import { handleMessage } from '../../core/conversation/handle-message.js';
import { closeEscalation } from '../../core/escalation/close-escalation.js';
import { claimEscalation, releaseEscalation, type ActionResult } from '../../core/escalation/specialist-actions.js';
import type { HttpServer } from '../../http/http-server.js';
import { closeBody, escalationBody, staffReplyBody } from '../normalize.js';
import type { PlaygroundContext } from '../playground-context.js';
import { PLAYGROUND_STAFF } from '../playground-policy.js';
import { markdownToHtml } from '../render/markdown-html.js';
import { whyOf } from '../render/why-view.js';
import { readJson, sendJson } from './json-io.js';

type Action = (ctx: PlaygroundContext, body: z.infer<typeof escalationBody>) => Promise<ActionResult>;

const ACTIONS: Record<string, Action> = {
  '/api/claim': (ctx, b) => claimEscalation(ctx.core, b.escalationId, PLAYGROUND_STAFF),
  '/api/release': (ctx, b) => releaseEscalation(ctx.core, b.escalationId, PLAYGROUND_STAFF),
};

/** What a specialist does on a queue's board: claim, release, close with the three tags, reply to the customer. */
export function serveSpecialistRoutes(server: HttpServer, ctx: PlaygroundContext): void {
  const { core, feed } = ctx;

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
    const result = await closeEscalation(core, escalationId, PLAYGROUND_STAFF, input);
    if (result.ok) return sendJson(res, 200, { ok: true });
    if (result.reason === 'invalid') return sendJson(res, 422, { ok: false, errors: result.errors });
    sendJson(res, 409, { ok: false, refusal: specialistRefusal(result, (who) => who.name ?? who.id) });
  });

  /** A specialist's reply lands in the customer's thread, as a staff message the core sees like any other. */
  server.route('POST', '/api/reply', async (req, res) => {
    const body = await readJson(req, res, staffReplyBody);
    if (!body) return;
    const escalation = await core.escalations.get(body.escalationId);
    if (!escalation) return sendJson(res, 404, { error: 'This escalation no longer exists.' });
    const ref = escalation.conversation;
    const id = feed.nextId();
    feed.push({ type: 'message', room: ref.channel, thread: ref.thread, id, role: 'staff', author: PLAYGROUND_STAFF.name, at: core.clock.now(), html: markdownToHtml(body.text) });
    const outcome = await handleMessage(core, { id, ref, author: PLAYGROUND_STAFF, text: body.text, at: core.clock.now() });
    feed.push({ type: 'why', room: ref.channel, thread: ref.thread, messageId: id, why: whyOf(outcome) });
    sendJson(res, 200, { id });
  });
}
