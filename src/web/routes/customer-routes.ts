import { csatRefusal, talkToHumanRefusal } from '../../core/copy/refusals.js';
import { requestHuman } from '../../core/conversation/request-human.js';
import { rateConversation } from '../../core/feedback/csat.js';
import type { Routes } from '../../http/http-server.js';
import { voteOnAnswer, voteReply } from '../../core/feedback/answer-vote.js';
import { parseAnswerRef } from '../../core/model/answer-ref.js';
import { conversationActionBody, customerById, customerMessage, customerMessageBody, ratingBody, voteBody } from '../normalize.js';
import type { PlaygroundContext } from '../playground-context.js';
import { markdownToHtml } from '../render/markdown-html.js';
import { whyOf } from '../render/why-view.js';
import { readJson, sendJson } from './json-io.js';

/** Where a conversation key's thread is shown: `web:<room>:<thread>`. */
function placeOf(key: string): { room: string; thread: string } | undefined {
  const m = /^web:([^:]+):(.+)$/.exec(key);
  return m ? { room: m[1]!, thread: m[2]! } : undefined;
}

/** What a customer does in their room: ask, press "Talk to a person", vote on an answer, rate. Each goes to the core's own use case. */
export function serveCustomerRoutes(server: Routes, ctx: PlaygroundContext): void {
  const { core, feed, intake } = ctx;

  server.route('POST', '/api/customer-messages', async (req, res) => {
    const body = await readJson(req, res, customerMessageBody);
    if (!body) return;
    const normalized = customerMessage(core.policy, body, feed.nextId(), core.clock.now());
    if (!normalized.ok) return sendJson(res, 400, { error: normalized.error });
    const { message } = normalized;
    const { channel: room, thread } = message.ref;
    feed.push({ type: 'message', room, thread, id: message.id, role: 'customer', author: message.author.name ?? message.author.id, at: message.at, html: markdownToHtml(message.text) });
    await intake.take(message);
    sendJson(res, 200, { id: message.id, thread });
  });

  server.route('POST', '/api/talk-to-human', async (req, res) => {
    const body = await readJson(req, res, conversationActionBody);
    if (!body) return;
    const author = customerById(core.policy, body.customer);
    const place = placeOf(body.conversationKey);
    if (!author || !place) return sendJson(res, 400, { error: 'Unknown customer or conversation.' });
    const outcome = await requestHuman(core, body.conversationKey, author);
    if (outcome.kind === 'not_found') return sendJson(res, 404, { error: 'This conversation no longer exists.' });
    const refusal = talkToHumanRefusal(outcome);
    // A refused press did nothing: the thread shows nothing; the presser reads the refusal.
    if (!refusal) feed.push({ type: 'why', ...place, messageId: `human-${feed.nextId()}`, why: whyOf(outcome, core.policy), pressed: core.policy.copy.talk_to_human_button });
    sendJson(res, 200, { outcome: outcome.kind, refusal });
  });

  server.route('POST', '/api/answer-feedback', async (req, res) => {
    const body = await readJson(req, res, voteBody);
    if (!body) return;
    const author = customerById(core.policy, body.customer);
    const ref = parseAnswerRef(body.answer);
    const place = ref && placeOf(ref.conversationKey);
    if (!author || !ref || !place) return sendJson(res, 400, { error: 'Unknown customer or answer.' });
    const outcome = await voteOnAnswer(core, ref, author, body.vote);
    const text = voteReply(core.policy.answer_feedback, outcome);
    if (outcome.kind !== 'recorded') return sendJson(res, outcome.kind === 'not_found' ? 404 : 409, { refusal: text });
    feed.push({ type: 'feedback-done', room: place.room, id: body.messageId, text });
    if (outcome.handoff) feed.push({ type: 'why', ...place, messageId: `vote-${feed.nextId()}`, why: whyOf(outcome.handoff, core.policy), pressed: core.policy.answer_feedback.not_helpful_button });
    sendJson(res, 200, { outcome: outcome.kind });
  });

  server.route('POST', '/api/csat', async (req, res) => {
    const body = await readJson(req, res, ratingBody);
    if (!body) return;
    const author = customerById(core.policy, body.customer);
    if (!author) return sendJson(res, 400, { error: 'Unknown customer.' });
    const result = await rateConversation(core, body.conversationKey, author, body.rating);
    sendJson(res, result.ok ? 200 : 409, { ok: result.ok, refusal: csatRefusal(result) });
  });
}
