/**
 * The request builders are checked against the real thing: a Bolt App with its HTTPReceiver on an
 * ephemeral port must accept what they send (signature, content type, payload routing) and
 * reject the broken variants, and its Web API client talks to the fake Slack server.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeSlackApi } from './fake-slack-api.js';
import {
  appMentionEvent,
  blockActionsPayload,
  messageEvent,
  selectedOption,
  sendEvent,
  sendInteraction,
  sendSlashCommand,
  slashCommandFields,
  typedText,
  viewSubmissionPayload,
  type BoltTarget,
} from './slack-request.js';

const SECRET = 'test-signing-secret';
const CUSTOMER = { id: 'U0CUSTOMER', teamId: 'T0ACMECORP', name: 'ada' };
const AGENT = { id: 'U0AGENT001', teamId: 'T0BATON001', name: 'sam' };

let fake: FakeSlackApi;
let app: App;
let server: Server;
let target: BoltTarget;
const seen: Record<string, unknown>[] = [];

beforeEach(async () => {
  seen.length = 0;
  fake = await FakeSlackApi.start();
  app = new App({ token: 'xoxb-test', signingSecret: SECRET, clientOptions: { slackApiUrl: fake.url }, logLevel: LogLevel.ERROR });
  app.message(async ({ message, context, say }) => {
    seen.push({ kind: 'message', message, retryNum: context.retryNum, retryReason: context.retryReason });
    if ('ts' in message) await say({ text: 'On it', thread_ts: message.ts });
  });
  app.event('app_mention', async ({ event }) => {
    seen.push({ kind: 'app_mention', event });
  });
  app.action('claim', async ({ ack, body, respond, client }) => {
    await ack();
    seen.push({ kind: 'action', body });
    if (body.type === 'block_actions') await client.views.open({ trigger_id: body.trigger_id, view: { type: 'modal', title: { type: 'plain_text', text: 'Claim' }, blocks: [] } });
    await respond({ text: 'Claimed', replace_original: false });
  });
  app.view('close_tags', async ({ ack, view }) => {
    seen.push({ kind: 'view', values: view.state.values, metadata: view.private_metadata });
    await ack();
  });
  app.command('/baton', async ({ ack, command, respond }) => {
    await ack();
    seen.push({ kind: 'command', command });
    await respond({ text: 'Report coming up' });
  });
  server = await app.start({ port: 0, host: '127.0.0.1' });
  target = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`, signingSecret: SECRET };
});

afterEach(async () => {
  await app.stop();
  await fake.stop();
});

const customerMessage = (text: string) => messageEvent({ channel: 'C0SHARED01', user: CUSTOMER.id, userTeam: CUSTOMER.teamId, text });

describe('signature verification against Bolt', () => {
  it('a signed event is accepted (200); unsigned, stale and wrong-secret ones get 401', async () => {
    const envelope = customerMessage('hello');
    expect((await sendEvent(target, envelope, { signing: 'unsigned' })).status).toBe(401);
    expect((await sendEvent(target, envelope, { signing: 'stale' })).status).toBe(401);
    expect((await sendEvent(target, envelope, { signing: 'wrong-secret' })).status).toBe(401);
    expect(seen).toEqual([]);
    expect((await sendEvent(target, envelope)).status).toBe(200);
  });

  it('a correctly signed request 290 s old is still inside the window, so "stale" fails on age alone', async () => {
    const old = () => Date.now() - 290_000;
    expect((await sendEvent(target, customerMessage('late but fine'), { now: old })).status).toBe(200);
  });
});

describe('payloads route through Bolt and its client reaches the fake', () => {
  it('a Slack Connect message event reaches app.message, and the reply lands on the fake in the thread', async () => {
    const envelope = customerMessage('My invoice is wrong');
    await sendEvent(target, envelope);
    const post = await fake.waitFor('chat.postMessage');
    const inner = envelope.event;
    expect(post.args).toMatchObject({ channel: 'C0SHARED01', text: 'On it', thread_ts: inner.ts });
    expect(seen[0]).toMatchObject({ kind: 'message', message: { user: 'U0CUSTOMER', user_team: 'T0ACMECORP', team: 'T0ACMECORP' } });
    expect(envelope).toMatchObject({ is_ext_shared_channel: true, context_team_id: 'T0BATON001', team_id: 'T0BATON001' });
  });

  it('a redelivery keeps the event_id and surfaces retry num and reason in the context', async () => {
    const envelope = customerMessage('again');
    await sendEvent(target, envelope, { retry: { num: 1, reason: 'http_timeout' } });
    await fake.waitFor('chat.postMessage');
    expect(seen[0]).toMatchObject({ retryNum: 1, retryReason: 'http_timeout' });
  });

  it('app_mention carries the bot mention', async () => {
    await sendEvent(target, appMentionEvent({ channel: 'C0SHARED01', user: CUSTOMER.id, userTeam: CUSTOMER.teamId, text: 'help' }));
    await expect.poll(() => seen.length).toBe(1);
    expect(seen[0]).toMatchObject({ kind: 'app_mention', event: { type: 'app_mention', text: '<@U0BATONBOT> help' } });
  });

  it('block_actions: ack, views.open with the trigger_id, respond via the fake response_url', async () => {
    const payload = blockActionsPayload({
      user: AGENT,
      channel: { id: 'C0INTERNAL' },
      message: { ts: '1700000000.000100' },
      action: { actionId: 'claim', value: 'esc_1' },
      responseUrl: fake.responseUrl('claim'),
    });
    expect((await sendInteraction(target, payload)).status).toBe(200);
    expect((await fake.waitForResponse('claim')).body).toMatchObject({ text: 'Claimed' });
    expect(fake.calls('views.open')[0]?.response.ok).toBe(true);
    expect(seen[0]).toMatchObject({ body: { actions: [{ action_id: 'claim', value: 'esc_1' }], user: { team_id: 'T0BATON001' } } });
  });

  it('view_submission: state values and private_metadata arrive as Slack shapes them', async () => {
    const values = { category: { category_select: selectedOption('billing', 'Billing') }, notes: { notes_input: typedText(null) } };
    const payload = viewSubmissionPayload({ user: AGENT, callbackId: 'close_tags', privateMetadata: '{"e":"esc_1"}', values });
    expect((await sendInteraction(target, payload)).status).toBe(200);
    expect(seen[0]).toEqual({ kind: 'view', values, metadata: '{"e":"esc_1"}' });
  });

  it('slash command: form fields reach app.command and respond hits the response_url', async () => {
    const fields = slashCommandFields({ user: AGENT, channel: { id: 'C0LEADS001' }, text: 'report 7d', responseUrl: fake.responseUrl('cmd') });
    expect((await sendSlashCommand(target, fields)).status).toBe(200);
    expect((await fake.waitForResponse('cmd')).body).toMatchObject({ text: 'Report coming up' });
    expect(seen[0]).toMatchObject({ command: { command: '/baton', text: 'report 7d', user_id: 'U0AGENT001', team_id: 'T0BATON001' } });
  });
});
