/**
 * The fake Socket Mode endpoint is only useful if the real client accepts it as Slack: these checks
 * drive the SocketModeClient that Bolt 5 uses (reached through Bolt's SocketModeReceiver) against it,
 * and the real WebClient against its apps.connections.open.
 */
import { LogLevel, SocketModeReceiver, webApi } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { FakeSlackApi } from './fake-slack-api.js';
import { FakeSocketMode } from './fake-socket-mode.js';
import { eventsApiEnvelope, interactiveEnvelope } from './socket-mode-envelopes.js';
import { blockActionsPayload, messageEvent } from './slack-request.js';

const APP_TOKEN = 'xapp-1-A0BATONAPP-1-test';

interface SlackEventArgs {
  ack: (response?: Record<string, unknown>) => Promise<void>;
  type: string;
  body: unknown;
  retry_num?: number;
  retry_reason?: string;
}

let api: FakeSlackApi;
let socket: FakeSocketMode;
const stops: Array<() => Promise<unknown> | undefined> = [];

beforeEach(async () => {
  api = await FakeSlackApi.start();
  socket = await FakeSocketMode.start(api);
});
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
  await socket.stop();
  await api.stop();
});

const webClient = (token: string) => new webApi.WebClient(token, { slackApiUrl: api.url, retryConfig: { retries: 0 }, logLevel: webApi.LogLevel.ERROR });

async function platformError(call: Promise<unknown>): Promise<string> {
  const error: unknown = await call.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(webApi.WebAPIPlatformError);
  return (error as webApi.WebAPIPlatformError).data.error;
}

/** The real Socket Mode client, with a short ping timeout so its reconnect delay is short too. */
function realClient() {
  const receiver = new SocketModeReceiver({
    appToken: APP_TOKEN,
    clientPingTimeout: 300,
    logLevel: LogLevel.ERROR,
    installerOptions: { clientOptions: { slackApiUrl: api.url } },
  });
  const client = receiver.client;
  const events: SlackEventArgs[] = [];
  client.on('slack_event', (args: SlackEventArgs) => {
    events.push(args);
    void args.ack();
  });
  stops.push(() => client.disconnect());
  return { client, events };
}

describe('apps.connections.open on the fake Web API', () => {
  it('takes the app-level token only, and hands out a one-use ws URL', async () => {
    const opened = await webClient(APP_TOKEN).apps.connections.open();
    expect(opened.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/link\/\?ticket=[0-9a-f-]+&app_id=A0BATONAPP$/);
    expect(api.calls('apps.connections.open')[0]?.token).toBe(APP_TOKEN);
    expect(await platformError(webClient('xoxb-bot-token').apps.connections.open())).toBe('not_allowed_token_type');
    expect(await platformError(webClient(APP_TOKEN).chat.postMessage({ channel: 'C0ACME0001', text: 'hi' }))).toBe('not_allowed_token_type');
    api.attachSocketMode(undefined);
    expect(await platformError(webClient(APP_TOKEN).apps.connections.open())).toBe('socket_mode_not_enabled');
  });

  it('lets a ticket open one connection only, greeting it with hello', async () => {
    const url = socket.openConnectionUrl();
    const first = new WebSocket(url);
    const hello = await new Promise<Record<string, unknown>>((resolve) => first.once('message', (d) => resolve(JSON.parse(String(d)) as Record<string, unknown>)));
    expect(hello).toMatchObject({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0BATONAPP' }, debug_info: { approximate_connection_time: 3600 } });
    const second = new WebSocket(url);
    const refused = await new Promise<Error>((resolve) => second.once('error', resolve));
    expect(refused.message).toContain('401');
    first.close();
    await socket.waitForClose(1);
  });
});

describe('the real SocketModeClient against the fake', () => {
  it('starts on hello, answers the heartbeat, and acks envelopes with their retry fields surfaced', async () => {
    const { client, events } = realClient();
    const started = (await client.start()) as { url?: string };
    expect(started.url).toContain('/link/?ticket=');
    const link = await socket.waitForConnection(1);

    const event = messageEvent({ channel: 'C0ACME0001', user: 'U0CUST0001', userTeam: 'T0CUSTOMER', text: 'hello' });
    const first = eventsApiEnvelope(event);
    expect(await socket.deliver(first)).toMatchObject({ envelopeId: first.envelope_id, payload: {}, connectionId: 1, known: true });
    const retry = socket.redeliver(first, { attempt: 2, reason: 'timeout' });
    await socket.waitForAck(retry.envelope_id);
    const click = interactiveEnvelope(blockActionsPayload({ user: { id: 'U0ANA00001', teamId: 'T0BATON001' }, channel: { id: 'C0ACME0001' }, message: { ts: '1.000100' }, action: { actionId: 'claim', value: 'E-1' } }));
    await socket.deliver(click);

    expect(events.map((e) => [e.type, e.retry_num, e.retry_reason])).toEqual([
      ['events_api', 0, ''],
      ['events_api', 2, 'timeout'],
      ['interactive', undefined, undefined],
    ]);
    expect(events[1]?.body).toEqual(event);
    expect(link.pongs).toBeGreaterThanOrEqual(1); // our ping on connect was answered
    expect(socket.strays).toEqual([]);
  });

  it('reconnects through apps.connections.open after a disconnect message', async () => {
    const { client } = realClient();
    await client.start();
    socket.requestDisconnect('refresh_requested');
    expect((await socket.waitForClose(1)).closed?.code).toBe(1000);
    const second = await socket.waitForConnection(2);
    expect(api.calls('apps.connections.open')).toHaveLength(2);
    expect(second).toMatchObject({ id: 2, open: true });
    const envelope = eventsApiEnvelope(messageEvent({ channel: 'C0ACME0001', user: 'U0CUST0001', userTeam: 'T0CUSTOMER', text: 'still there?' }));
    expect((await socket.deliver(envelope)).connectionId).toBe(2);
  });

  it('refuses to deliver when no connection is open, rather than dropping the envelope silently', () => {
    expect(() => socket.sendEvent(messageEvent({ channel: 'C0ACME0001', user: 'U0CUST0001', userTeam: 'T0CUSTOMER', text: 'anyone?' }))).toThrow(/no open Socket Mode connection/);
  });
});
