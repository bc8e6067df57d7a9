import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ACTION } from '../../src/core/model/actions.js';
import { ACME_CHANNEL, ana, ben, customer, Harness } from '../e2e/harness.js';
import { FakeSlackApi } from '../fakes/fake-slack-api.js';
import { messageEvent } from '../fakes/slack-event-payloads.js';
import { slackTs } from '../fakes/slack-ids.js';
import { sendEvent } from '../fakes/slack-request.js';
import { freePort, startRedisServer } from '../global-redis.js';
import { workerRedisUrl } from '../worker-redis.js';

const QUESTION = 'How do I invite a teammate?';
const SUPPORT = 'C0SUPPORT1';

let running: Harness[] = [];
let fake: FakeSlackApi | undefined;
let redis: ChildProcess | undefined;
afterEach(async () => {
  await Promise.all(running.map((h) => h.baton.stop()));
  running = [];
  await fake?.stop();
  redis?.kill('SIGKILL');
  fake = redis = undefined;
});

/** Two Baton processes' worth of Baton (each its own stores, limiters and HTTP port) on one Redis and one Slack. */
async function twoInstances(storeUri = workerRedisUrl()): Promise<[Harness, Harness]> {
  fake = await FakeSlackApi.start();
  const a = await Harness.start({ storeUri, fake });
  const b = await Harness.start({ storeUri, fake });
  running = [a, b];
  return [a, b];
}

/** The instance's own signal that it finished with a message of this thread (answered, ignored or failed). */
function handled(h: Harness, thread: string, what = 'message handled') {
  return vi.waitFor(
    () => {
      const line = h.logs.lines.find((l) => l.includes(`"msg":"${what}"`) && l.includes(`"thread":"${thread}"`));
      if (!line) throw new Error(`no "${what}" for ${thread} yet`);
      return JSON.parse(line) as Record<string, unknown>;
    },
    { timeout: 10_000, interval: 20 },
  );
}

const ask = (thread: string, text = QUESTION) => messageEvent({ channel: ACME_CHANNEL, user: customer.id, userTeam: customer.teamId, text, ts: thread });

describe('two Baton instances on one Redis', () => {
  it('answer a message once when Slack retries it on the other instance', async () => {
    const [a, b] = await twoInstances();
    const thread = slackTs();
    await sendEvent(a.target, ask(thread));
    await sendEvent(b.target, ask(thread), { retry: { num: 1, reason: 'http_timeout' } });
    await a.waitForPost(ACME_CHANNEL, thread);
    const outcomes = [await handled(a, thread), await handled(b, thread)].map((l) => l.outcome).sort();
    expect(outcomes).toEqual(['decided', 'ignored']);
    expect(a.postsIn(ACME_CHANNEL, thread)).toHaveLength(1);
  });

  it('give one of two simultaneous Claim clicks, one on each instance, the escalation', async () => {
    const [a, b] = await twoInstances();
    const thread = slackTs();
    await sendEvent(a.target, ask(thread));
    const answer = await a.waitForPost(ACME_CHANNEL, thread);
    await a.click(customer, ACTION.talkToHuman, `slack:${ACME_CHANNEL}:${thread}`, { channel: ACME_CHANNEL, ts: String(answer.response.ts), threadTs: thread });
    const packet = await fake!.waitFor('chat.postMessage', (c) => c.args.channel === SUPPORT && !c.args.thread_ts);
    const escalationId = /Escalation (E-[A-Z0-9]+)/.exec(JSON.stringify(packet.args.blocks))![1]!;
    const message = { channel: SUPPORT, ts: String(packet.response.ts) };
    await Promise.all([a.click(ana, ACTION.claim, escalationId, message), b.click(ben, ACTION.claim, escalationId, message)]);
    const refusal = await fake!.waitFor('chat.postEphemeral', (c) => String(c.args.text).includes('already claimed'));
    const stored = await b.baton.core.escalations.get(escalationId);
    expect(stored?.status).toBe('claimed');
    expect(refusal.args.user).toBe(stored?.claimedBy?.id === ana.id ? ben.id : ana.id);
  });

  it('give the escalation to one of two staff replies in the customer thread, one on each instance, and keep both replies', async () => {
    const [a, b] = await twoInstances();
    const thread = slackTs();
    await sendEvent(a.target, ask(thread, 'I want to talk to a person please'));
    await fake!.waitFor('chat.postMessage', (c) => c.response.ok && c.args.channel === SUPPORT && !c.args.thread_ts);
    const key = `slack:${ACME_CHANNEL}:${thread}`;
    await vi.waitFor(async () => expect((await a.baton.core.conversations.get(key))?.outbox).toEqual([]), { timeout: 10_000 });
    await Promise.all([a.say(ana, 'Hi, Ana here, looking now', { threadTs: thread }), b.say(ben, 'Hi, Ben here, on it', { threadTs: thread })]);
    await Promise.all([a.settle(), b.settle()]);
    const conversation = await b.baton.core.conversations.get(key);
    expect(conversation?.turns.filter((t) => t.role === 'staff').map((t) => t.authorId).sort()).toEqual([ana.id, ben.id].sort());
    const escalation = await b.baton.core.escalations.get(conversation!.escalationId!);
    expect(escalation?.status).toBe('claimed');
    expect(escalation?.history.filter((e) => e.type === 'claimed')).toHaveLength(1);
  });

  it("hold Slack's one message a second per channel between them, not each on its own", async () => {
    const [a, b] = await twoInstances();
    const threads = Array.from({ length: 8 }, () => slackTs());
    await Promise.all(threads.map((t, i) => sendEvent((i % 2 ? a : b).target, ask(t))));
    const answered = () => fake!.calls('chat.postMessage').filter((c) => c.response.ok && c.args.channel === ACME_CHANNEL && threads.includes(String(c.args.thread_ts)));
    await vi.waitFor(() => expect(answered()).toHaveLength(8), { timeout: 20_000, interval: 50 });
    const times = answered().map((c) => c.at).sort((x, y) => x - y);
    // A burst of 4 and then one a second: each instance alone would have sent its 4 at once, 8 together.
    expect(times.filter((t) => t < times[0]! + 1000).length).toBeLessThanOrEqual(5);
  });
});

describe('Redis killed and restarted under a running Baton', () => {
  it('loses nothing: stored state survives, a message that met the outage is refused at once and answered on Slack\u2019s retry', { timeout: 90_000 }, async () => {
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), 'baton-redis-restart-'));
    redis = await startRedisServer({ port, dir, durable: true });
    const [a] = await twoInstances(`redis://127.0.0.1:${port}`);
    const before = slackTs();
    await sendEvent(a.target, ask(before));
    await a.waitForPost(ACME_CHANNEL, before);

    redis.kill('SIGKILL');
    const during = slackTs();
    // The store says at once that it cannot take the message: Slack is answered non-200 and will retry.
    expect((await sendEvent(a.target, ask(during))).status).toBeGreaterThanOrEqual(500);
    expect(a.postsIn(ACME_CHANNEL, during)).toHaveLength(0);

    redis = await startRedisServer({ port, dir, durable: true });
    await vi.waitFor(() => expect(a.baton.stores.backend.redis?.isReady).toBe(true), { timeout: 10_000 });
    await sendEvent(a.target, ask(during), { retry: { num: 1, reason: 'http_error' } });
    await a.waitForPost(ACME_CHANNEL, during);
    expect(a.postsIn(ACME_CHANNEL, during)).toHaveLength(1);
    expect((await a.baton.core.conversations.get(`slack:${ACME_CHANNEL}:${before}`))?.botAnswers).toBe(1);
  });
});
