/**
 * The real Baton in Socket Mode (SLACK_APP_TOKEN set, no signing secret) against the fake Socket
 * Mode endpoint: everything reaches it as envelopes over the WebSocket and must be acked there,
 * while its answers still go out through the fake Web API.
 */
import { connect, createServer, Server } from 'node:net';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ACTION } from '../../src/core/model/actions.js';
import { FakeSlackApi } from '../fakes/fake-slack-api.js';
import { FakeSocketMode } from '../fakes/fake-socket-mode.js';
import { eventsApiEnvelope, interactiveEnvelope } from '../fakes/socket-mode-envelopes.js';
import { blockActionsPayload, messageEvent, type Actor } from '../fakes/slack-request.js';
import { slackTs } from '../fakes/slack-ids.js';
import { ACME_CHANNEL, ana, APP_TOKEN, customer, Harness, useHarness } from './harness.js';

const SUPPORT = 'C0SUPPORT1';

const harness = useHarness({ socketMode: true });
let h: Harness;
let socket: FakeSocketMode;
beforeEach(() => {
  h = harness();
  if (!h.socket) throw new Error('harness started without Socket Mode');
  socket = h.socket;
});

/** A customer's question in Acme's shared channel, as an events_api envelope. */
function question(text: string, ts: string) {
  return eventsApiEnvelope(messageEvent({ channel: ACME_CHANNEL, user: customer.id, userTeam: customer.teamId, text, ts }));
}

/** A button press as an `interactive` envelope: the payload the HTTP tests post form-encoded. */
function buttonPress(who: Actor, actionId: string, value: string, message: { channel: string; ts: string; threadTs?: string }) {
  return interactiveEnvelope(
    blockActionsPayload({
      user: who,
      channel: { id: message.channel },
      message: { ts: message.ts, ...(message.threadTs ? { threadTs: message.threadTs } : {}) },
      action: { actionId, value },
    }),
  );
}

describe('Baton in Socket Mode', () => {
  it('connects with the app-level token through apps.connections.open', () => {
    const open = h.fake.calls('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]?.token).toBe(APP_TOKEN);
    expect(open[0]?.response).toMatchObject({ ok: true, url: expect.stringMatching(/^ws:\/\/127\.0\.0\.1:\d+\/link\/\?ticket=/) as unknown });
    expect(socket.connections()).toMatchObject([{ id: 1, open: true }]);
  });

  it('acks a customer question and answers it in its thread', async () => {
    const ts = slackTs();
    const envelope = question('How do I invite a teammate?', ts);
    const ack = await socket.deliver(envelope);
    expect(ack).toMatchObject({ envelopeId: envelope.envelope_id, known: true, connectionId: 1 });
    const reply = await h.waitForPost(ACME_CHANNEL, ts);
    expect(String(reply.args.text)).toContain('Settings &gt; Members');
    expect(reply.token).toBe('xoxb-e2e-token'); // answers use the bot token, not the app-level one
    expect(socket.acks(envelope.envelope_id)).toHaveLength(1);
    expect(socket.strays).toEqual([]);
  });

  it('acks a redelivered envelope (retry_attempt 1) and does not answer twice', async () => {
    const ts = slackTs();
    const first = question('How do I invite a teammate?', ts);
    await socket.deliver(first);
    await h.waitForPost(ACME_CHANNEL, ts);
    const retry = socket.redeliver(first, { attempt: 1, reason: 'timeout' });
    await socket.waitForAck(retry.envelope_id);
    await h.settle();
    expect(h.postsIn(ACME_CHANNEL, ts)).toHaveLength(1);
    // The retry fields reached Bolt's context: the message listener logs them.
    expect(h.logs.lines.some((l) => l.includes('"retryNum":1'))).toBe(true);
  });

  it('acks button clicks and acts on them: "Talk to a person", then Claim on the packet', async () => {
    const thread = slackTs();
    await socket.deliver(question('How do I invite a teammate?', thread));
    const answer = await h.waitForPost(ACME_CHANNEL, thread);

    const talk = buttonPress(customer, ACTION.talkToHuman, `slack:${ACME_CHANNEL}:${thread}`, { channel: ACME_CHANNEL, ts: String(answer.response.ts), threadTs: thread });
    expect((await socket.deliver(talk)).known).toBe(true);
    const packet = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === SUPPORT && !c.args.thread_ts);
    const escalationId = /Escalation (E-[A-Z0-9]+)/.exec(JSON.stringify(packet.args.blocks))?.[1];
    expect(escalationId).toBeDefined();

    const claim = buttonPress(ana, ACTION.claim, String(escalationId), { channel: SUPPORT, ts: String(packet.response.ts) });
    expect((await socket.deliver(claim)).known).toBe(true);
    const update = await h.fake.waitFor('chat.update', (c) => c.args.ts === packet.response.ts);
    expect(JSON.stringify(update.args.blocks)).toContain('Claimed');
    await h.waitForPost(ACME_CHANNEL, thread, (t) => t.includes('is on it now'));
    expect((await h.baton.core.escalations.get(String(escalationId)))?.claimedBy?.id).toBe(ana.id);
  });

  it('reconnects through apps.connections.open after a refresh_requested disconnect, and keeps answering', async () => {
    socket.requestDisconnect('refresh_requested');
    // The client closes the old link itself, then (after its reconnect delay) asks for a new URL.
    expect((await socket.waitForClose(1)).closed?.code).toBe(1000);
    const second = await socket.waitForConnection(2, 15_000);
    expect(h.fake.calls('apps.connections.open').filter((c) => c.response.ok)).toHaveLength(2);
    expect(second.ticket).not.toBe(socket.connections()[0]?.ticket);

    const ts = slackTs();
    const ack = await socket.deliver(question('How can I export a report to CSV?', ts));
    expect(ack.connectionId).toBe(2);
    await h.waitForPost(ACME_CHANNEL, ts);
  });

  it('still reconnects when the first apps.connections.open of a refresh fails on the network', async () => {
    h.fake.failNext('apps.connections.open', { disconnect: 'before' });
    socket.requestDisconnect('refresh_requested');
    await socket.waitForConnection(2, 20_000);
    const open = h.fake.calls('apps.connections.open');
    expect(open.map((c) => c.status)).toEqual([200, 0, 200]); // connect, dropped call, its retry
    const ts = slackTs();
    await socket.deliver(question('How do I invite a teammate?', ts));
    await h.waitForPost(ACME_CHANNEL, ts);
  });
});

/** A port nothing listens on right now: bind an ephemeral one, then let it go. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function refuses(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(false);
    });
    s.once('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'ECONNREFUSED'));
  });
}

/** Watches every listen() in this process (http.Server is a net.Server) while `run` goes. */
async function serversListenedDuring<T>(run: () => Promise<T>): Promise<{ result: T; listens: number }> {
  const spy = vi.spyOn(Server.prototype, 'listen');
  try {
    const result = await run();
    return { result, listens: spy.mock.calls.length };
  } finally {
    spy.mockRestore();
  }
}

describe('Baton with SLACK_APP_TOKEN', () => {
  it('binds no HTTP port, even with PORT set', async () => {
    // The harness of this file is running too; this test brings its own Slack fakes, started first.
    const fake = await FakeSlackApi.start();
    const socket = await FakeSocketMode.start(fake);
    const port = await freePort();
    const socketMode = await serversListenedDuring(() => Harness.start({ socketMode: true, fake, socket, env: { PORT: String(port) } }));
    try {
      expect(socketMode.listens).toBe(0);
      expect(socketMode.result.baton.port).toBeUndefined();
      expect(await refuses(port)).toBe(true);
    } finally {
      await socketMode.result.stop();
    }
    // The same watch does see an HTTP Baton's listener, so the check above can fail.
    const httpFake = await FakeSlackApi.start();
    const http = await serversListenedDuring(() => Harness.start({ fake: httpFake, env: { PORT: String(port) } }));
    try {
      expect(http.listens).toBe(1);
      expect(http.result.baton.port).toBe(port);
      expect(await refuses(port)).toBe(false);
    } finally {
      await http.result.stop();
    }
  });
});
