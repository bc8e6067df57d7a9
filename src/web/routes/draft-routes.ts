import { draftRefusal } from '../../core/copy/refusals.js';
import { discardDraft, sendDraft } from '../../core/copilot/review-draft.js';
import type { DraftResult } from '../../core/copilot/draft-review.js';
import type { Routes } from '../../http/http-server.js';
import { draftSendBody, escalationBody } from '../normalize.js';
import type { PlaygroundContext } from '../playground-context.js';
import { PLAYGROUND_STAFF } from '../playground-policy.js';
import type { ServerResponse } from 'node:http';
import { readJson, sendJson } from './json-io.js';

const STATUS: Record<Exclude<DraftResult, { ok: true }>['reason'], number> = { not_allowed: 403, not_found: 404, empty: 400, already_reviewed: 409 };

function answer(res: ServerResponse, result: DraftResult): void {
  if (result.ok) sendJson(res, 200, { ok: true, state: result.state });
  else sendJson(res, STATUS[result.reason], { ok: false, refusal: draftRefusal(result, (who) => who.name ?? who.id) });
}

/** A copilot draft on a queue's board: Send as is, Edit and send (the text comes with it), Discard. */
export function serveDraftRoutes(server: Routes, ctx: PlaygroundContext): void {
  server.route('POST', '/api/draft/send', async (req, res) => {
    const body = await readJson(req, res, draftSendBody);
    if (body) answer(res, await sendDraft(ctx.core, body.escalationId, PLAYGROUND_STAFF, body.text));
  });
  server.route('POST', '/api/draft/discard', async (req, res) => {
    const body = await readJson(req, res, escalationBody);
    if (body) answer(res, await discardDraft(ctx.core, body.escalationId, PLAYGROUND_STAFF));
  });
}
