import { request } from 'node:http';
import { beforeEach, describe, expect, it } from 'vitest';
import { ACTION } from '../../src/core/model/actions.js';
import { WEB, type OpenPlayground } from '../../src/web/web-platform.js';
import type { PlaygroundEvent } from '../../src/web/render/events.js';
import type { RecordedCall } from '../fakes/fake-slack-api.js';
import { pageClient } from '../web/playground-client.js';
import { ACME_CHANNEL, ana, customer, type Harness, useHarness } from './harness.js';

/** Slack in HTTP mode and the playground in one process, on one store: `npm start` with Slack settings and BATON_PLAYGROUND=1. */
const harness = useHarness({ env: { BATON_PLAYGROUND: '1' } });
let h: Harness;
beforeEach(() => {
  h = harness();
});

const SUPPORT = 'C0SUPPORT1';

function packetEscalationId(packet: RecordedCall): string {
  const match = /Escalation (E-[A-Z0-9]+)/.exec(JSON.stringify(packet.args.blocks));
  if (!match?.[1]) throw new Error('packet carries no escalation id');
  return match[1];
}

const playground = () => h.baton.platforms.get(WEB) as OpenPlayground;

function shown(): PlaygroundEvent[] {
  const all: PlaygroundEvent[] = [];
  playground().feed.find((e) => {
    all.push(e);
    return false;
  });
  return all;
}

/** A Slack customer asks for a person: the packet lands in the Slack queue. */
async function slackEscalation() {
  const thread = await h.say(customer, 'Can I talk to a human please?');
  const packet = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === SUPPORT && !c.args.thread_ts);
  return { thread, packet, escalationId: packetEscalationId(packet) };
}

/** A playground customer asks for a person; resolves with the packet its board shows. */
async function playgroundEscalation() {
  const page = await pageClient(playground().url!);
  const sent = await page.call('/api/customer-messages', { account: 'acme', customer: 'web-acme-alex', text: 'Can I talk to a human please?' });
  expect(sent.status).toBe(200);
  await expect.poll(() => shown().some((e) => e.type === 'packet'), { timeout: 10_000 }).toBe(true);
  const packet = shown().find((e) => e.type === 'packet');
  return { page, packet: packet?.type === 'packet' ? packet : undefined, thread: String(sent.json.thread) };
}

/** The status of a GET on loopback naming `host` in its Host header (fetch does not let a caller set it). */
function statusFor(port: string, path: string, host: string, address = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: address, port, path, headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the playground beside Slack', () => {
  it('serves a Slack escalation and a playground one from one process: each packet on its own platform', async () => {
    const slack = await slackEscalation();
    const web = await playgroundEscalation();
    expect(web.packet?.board).toBe('queue-support');
    await h.baton.idle();
    // The playground's packet went to its board only: the Slack queue holds the Slack customer's alone.
    expect(h.fake.calls('chat.postMessage').filter((c) => c.args.channel === SUPPORT && !c.args.thread_ts)).toHaveLength(1);
    expect(JSON.stringify(slack.packet.args.blocks)).not.toContain('Alex');
    const stored = await h.baton.core.escalations.get(web.packet!.packet.escalationId);
    expect(stored?.packet).toMatchObject({ platform: 'web', channel: 'queue-support' });
    // The notice reached the playground customer in their thread, never Slack.
    expect(shown().some((e) => e.type === 'message' && e.role === 'bot' && e.thread === web.thread)).toBe(true);
    expect(h.postsIn(ACME_CHANNEL, slack.thread)).toHaveLength(1);
  });

  it('acts from its pages on its own escalations only: a Slack customer is never reached from the playground', async () => {
    const slack = await slackEscalation();
    const web = await playgroundEscalation();
    expect((await web.page.call('/api/reply', { escalationId: slack.escalationId, text: 'Hello from the playground' })).status).toBe(404);
    expect((await web.page.call('/api/claim', { escalationId: slack.escalationId })).status).toBe(409);
    expect((await web.page.call('/api/note', { escalationId: slack.escalationId, text: 'a note' })).status).toBe(404);
    const inbox = await web.page.call('/api/inbox');
    expect((inbox.json.rows as { escalationId: string }[]).map((r) => r.escalationId)).toEqual([web.packet!.packet.escalationId]);
    await h.baton.idle();
    expect(await h.baton.core.escalations.get(slack.escalationId)).toMatchObject({ status: 'open' });
    expect(h.postsIn(ACME_CHANNEL, slack.thread)).toHaveLength(1);
  });

  it('resets only what the playground wrote: the Slack escalation and its packet stay, claimable', async () => {
    const slack = await slackEscalation();
    const web = await playgroundEscalation();
    const webId = web.packet!.packet.escalationId;
    await h.baton.idle();
    expect((await web.page.call('/api/reset', {})).status).toBe(200);

    expect(await h.baton.core.escalations.get(webId)).toBeUndefined();
    expect(await h.baton.core.conversations.get(`web:acme:${web.thread}`)).toBeUndefined();
    const kept = await h.baton.core.escalations.get(slack.escalationId);
    expect(kept).toMatchObject({ status: 'open', packet: { platform: 'slack', channel: SUPPORT, messageId: String(slack.packet.response.ts) } });
    expect(await h.baton.core.conversations.get(`slack:${ACME_CHANNEL}:${slack.thread}`)).toBeDefined();
    // The report counts the Slack conversation and escalation, and nothing of the playground's.
    const day = 86_400_000;
    const [since, until] = [kept!.openedAt - day, kept!.openedAt + day];
    expect((await h.baton.stores.facts.escalationsOpened(since, until)).map((e) => e.id)).toEqual([slack.escalationId]);
    expect((await h.baton.stores.facts.conversationsCreated(since, until)).map((c) => c.key)).toEqual([`slack:${ACME_CHANNEL}:${slack.thread}`]);

    // The Slack packet still works: a claim updates it in place and tells the customer.
    await h.click(ana, ACTION.claim, slack.escalationId, { channel: SUPPORT, ts: String(slack.packet.response.ts) });
    await h.fake.waitFor('chat.update', (c) => c.args.ts === slack.packet.response.ts);
    expect((await h.baton.core.escalations.get(slack.escalationId))?.status).toBe('claimed');
  });

  it('guards only its own routes: health probes answer whatever the Host, the playground only at BATON_PLAYGROUND_HOST', async () => {
    const url = new URL(playground().url!);
    const rebound = `rebind.example:${url.port}`;
    expect(await statusFor(url.port, '/healthz', rebound)).toBe(200);
    expect(await statusFor(url.port, '/', rebound)).toBe(403);
    // The server listens on every interface for Slack; on another address than 127.0.0.1 the playground is not there.
    expect(await statusFor(url.port, '/healthz', `127.0.0.2:${url.port}`, '127.0.0.2')).toBe(200);
    expect(await statusFor(url.port, '/', `127.0.0.2:${url.port}`, '127.0.0.2')).toBe(404);
    const reset = await fetch(`${playground().url}/api/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(reset.status).toBe(403);
  });
});
