/**
 * The real Baton in Socket Mode (SLACK_APP_TOKEN set, no signing secret) against the fake Socket
 * Mode endpoint: everything reaches it as envelopes over the WebSocket and must be acked there,
 * while its answers still go out through the fake Web API.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { ACTION } from '../../src/core/model/actions.js';
import type { FakeSocketMode } from '../fakes/fake-socket-mode.js';
import { eventsApiEnvelope, interactiveEnvelope } from '../fakes/socket-mode-envelopes.js';
import { blockActionsPayload, messageEvent, type Actor } from '../fakes/slack-request.js';
import { slackTs } from '../fakes/slack-ids.js';
import { ACME_CHANNEL, ana, APP_TOKEN, customer, type Harness, useHarness } from './harness.js';

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

describe('Baton with SLACK_APP_TOKEN', () => {
  it('serves health and metrics on PORT, but no Slack events endpoint', async () => {
    const base = `http://127.0.0.1:${h.baton.port}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ checks: { store: 'ok', slack: 'ok' } });
    expect(await (await fetch(`${base}/metrics`)).text()).toContain('baton_events_received_total');
    expect((await fetch(`${base}/slack/events`, { method: 'POST', body: '{}' })).status).toBe(404);
  });
});
