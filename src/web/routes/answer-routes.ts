import { z } from 'zod';
import { reviewRefusal } from '../../core/copy/review-refusals.js';
import { decideReview, loadAnswerReview, type ReviewDecision } from '../../core/suggest/answer-review.js';
import { DEFAULT_TOP } from '../../core/suggest/topic-suggestions.js';
import type { Routes } from '../../http/http-server.js';
import type { PlaygroundContext } from '../playground-context.js';
import { PLAYGROUND_STAFF } from '../playground-policy.js';
import { readJson, sendJson } from './json-io.js';

/** A lead's decision from the playground's review: approve (edited or as shown, for everyone or one account) or reject. */
const decisionBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('approve'), topic: z.string().min(1), version: z.string().min(1), answer: z.string().max(20_000).optional(), for: z.string().min(1).default('everyone'), confirmMarked: z.boolean().default(false) }),
  z.object({ kind: z.literal('reject'), topic: z.string().min(1) }),
]);

function decisionOf(body: z.infer<typeof decisionBody>): ReviewDecision {
  if (body.kind === 'reject') return body;
  const { for: audience, answer, ...rest } = body;
  return { ...rest, ...(answer !== undefined ? { answer } : {}), scope: audience === 'everyone' ? { everyone: true } : { account: audience } };
}

/** The answer review as `/baton review` shows it in Slack: the history's top topics, their proposals, and the lead's decisions. */
export function serveAnswerRoutes(server: Routes, ctx: PlaygroundContext): void {
  const { core } = ctx;

  server.route('GET', '/api/answers', async (_req, res) => {
    const proposals = await loadAnswerReview(core, DEFAULT_TOP);
    sendJson(res, 200, { proposals, accounts: core.policy.accounts.map((a) => ({ id: a.id, name: a.name })) });
  });

  server.route('POST', '/api/answers/decide', async (req, res) => {
    const body = await readJson(req, res, decisionBody);
    if (!body) return;
    const result = await decideReview(core, PLAYGROUND_STAFF.id, decisionOf(body));
    sendJson(res, result.ok ? 200 : 409, result.ok ? { ok: true, answer: result.entry?.answer } : { ok: false, refusal: reviewRefusal(result), marks: result.marks ?? [] });
  });
}
