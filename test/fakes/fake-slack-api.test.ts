/**
 * The fake is only useful if the real @slack/web-api client accepts it as Slack; so every check
 * here goes through a real WebClient (form-encoded bodies, Bearer token, its error classes).
 */
import { webApi } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeSlackApi } from './fake-slack-api.js';
import { tsToMicros } from './fake-slack-state.js';
import { slackTs } from './slack-ids.js';

const TOKEN = 'xoxb-test-token';
let fake: FakeSlackApi;
let client: webApi.WebClient;

beforeEach(async () => {
  // A fixed first ts makes the returned ts assertable; the default follows the wall clock.
  fake = await FakeSlackApi.start({ firstTs: '1700000000.000100' });
  client = new webApi.WebClient(TOKEN, { slackApiUrl: fake.url, retryConfig: { retries: 0 }, logLevel: webApi.LogLevel.ERROR });
});
afterEach(async () => {
  await fake.stop();
});

/** The platform error a WebClient call rejects with, for asserting Slack's `error` and details. */
async function platformError(call: Promise<unknown>): Promise<webApi.WebAPIPlatformError> {
  const error: unknown = await call.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(webApi.WebAPIPlatformError);
  return error as webApi.WebAPIPlatformError;
}

describe('FakeSlackApi with the real WebClient', () => {
  it('answers auth.test with the bot identity Bolt needs, and refuses a bad token', async () => {
    const auth = await client.auth.test();
    expect(auth).toMatchObject({ ok: true, user_id: 'U0BATONBOT', bot_id: 'B0BATONBOT', team_id: 'T0BATON001', team: 'Baton Support' });
    expect(fake.calls('auth.test')[0]?.token).toBe(TOKEN);
    const other = new webApi.WebClient('not-a-token', { slackApiUrl: fake.url, retryConfig: { retries: 0 }, logLevel: webApi.LogLevel.ERROR });
    expect((await platformError(other.auth.test())).data.error).toBe('invalid_auth');
  });

  it('posts form-encoded blocks, returns monotonic ts and the echoed message, and serves the thread back', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: 'Hello *Acme*' } }];
    const parent = await client.chat.postMessage({ channel: 'C0SHARED01', text: 'Hello Acme', blocks });
    const reply = await client.chat.postMessage({ channel: 'C0SHARED01', thread_ts: parent.ts!, text: 'Follow-up' });
    expect(parent).toMatchObject({ ok: true, channel: 'C0SHARED01', ts: '1700000000.000100' });
    expect(parent.message).toMatchObject({ text: 'Hello Acme', bot_id: 'B0BATONBOT', user: 'U0BATONBOT', blocks });
    expect(reply.ts).toBe('1700000000.000200');
    expect(fake.calls('chat.postMessage')[0]?.args.blocks).toEqual(blocks);

    const thread = await client.conversations.replies({ channel: 'C0SHARED01', ts: parent.ts! });
    expect(thread.messages?.map((m) => m.text)).toEqual(['Hello Acme', 'Follow-up']);
    const link = await client.chat.getPermalink({ channel: 'C0SHARED01', message_ts: reply.ts! });
    expect(link.permalink).toBe('https://baton-support.slack.com/archives/C0SHARED01/p1700000000000200?thread_ts=1700000000.000100&cid=C0SHARED01');
  });

  it('by default follows the wall clock, so replies sort after a real-time customer message', async () => {
    const live = await FakeSlackApi.start();
    try {
      const parent = live.addMessage('C0SHARED01', { ts: slackTs(), user: 'U0CUSTOMER', text: 'Help?' });
      const liveClient = new webApi.WebClient(TOKEN, { slackApiUrl: live.url, retryConfig: { retries: 0 } });
      const reply = await liveClient.chat.postMessage({ channel: 'C0SHARED01', thread_ts: parent.ts, text: 'On it' });
      expect(tsToMicros(reply.ts!) > tsToMicros(parent.ts)).toBe(true);
      const thread = await liveClient.conversations.replies({ channel: 'C0SHARED01', ts: parent.ts });
      expect(thread.messages?.map((m) => m.text)).toEqual(['Help?', 'On it']);
    } finally {
      await live.stop();
    }
  });

  it('accepts a JSON body with a Bearer token too', async () => {
    const res = await fetch(`${fake.url}chat.postMessage`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ channel: 'C0SHARED01', text: 'json' }),
    });
    expect(await res.json()).toMatchObject({ ok: true, ts: '1700000000.000100' });
  });

  it('rejects over-limit blocks like Slack and records the violation', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3001) } }];
    const error = await platformError(client.chat.postMessage({ channel: 'C0SHARED01', text: 'long', blocks }));
    expect(error.data).toMatchObject({
      error: 'invalid_blocks',
      errors: ['must be less than 3001 characters [json-pointer:/blocks/0/text/text]'],
      response_metadata: { messages: ['[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]'] },
    });
    expect(fake.violations()).toEqual([
      { method: 'chat.postMessage', pointer: '/blocks/0/text/text', message: 'must be less than 3001 characters', severity: 'error' },
    ]);
    expect(fake.state.messages.get('C0SHARED01')).toBeUndefined();
  });

  it('validates views: a 25-character title is invalid_arguments, a reused trigger is exchanged', async () => {
    const view = { type: 'modal' as const, title: { type: 'plain_text' as const, text: 'Close' }, blocks: [] };
    const opened = await client.views.open({ trigger_id: '1700000000.1.abc', view });
    expect(opened.view).toMatchObject({ id: 'V0000000001', type: 'modal', app_id: 'A0BATONAPP' });
    expect((await platformError(client.views.open({ trigger_id: '1700000000.1.abc', view }))).data.error).toBe('exchanged_trigger_id');
    const long = { ...view, title: { type: 'plain_text' as const, text: 't'.repeat(25) } };
    expect((await platformError(client.views.update({ view_id: 'V0000000001', view: long }))).data.error).toBe('invalid_arguments');
    expect(fake.violations().map((v) => `${v.method} ${v.pointer}`)).toEqual(['views.update /view/title/text']);
  });

  it('429 with Retry-After: rejectRateLimitedCalls gets WebAPIRateLimitedError, the default client waits and retries', async () => {
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const strict = new webApi.WebClient(TOKEN, { slackApiUrl: fake.url, rejectRateLimitedCalls: true, logLevel: webApi.LogLevel.ERROR });
    const error: unknown = await strict.chat.postMessage({ channel: 'C0SHARED01', text: 'hi' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(webApi.WebAPIRateLimitedError);
    expect((error as webApi.WebAPIRateLimitedError).retryAfter).toBe(1);

    fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const patient = new webApi.WebClient(TOKEN, { slackApiUrl: fake.url, retryConfig: { retries: 1, minTimeout: 0 }, logLevel: webApi.LogLevel.ERROR });
    const started = Date.now();
    await expect(patient.chat.postMessage({ channel: 'C0SHARED01', text: 'hi' })).resolves.toMatchObject({ ok: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(fake.calls('chat.postMessage').map((c) => c.status)).toEqual([429, 429, 200]);
  });

  it('injects ok:false errors with §4.4 details, and unknown methods are unknown_method', async () => {
    fake.failNext('chat.postMessage', { error: 'invalid_blocks' });
    const error = await platformError(client.chat.postMessage({ channel: 'C0SHARED01', text: 'x' }));
    expect(error.data.response_metadata?.messages?.[0]).toMatch(/^\[ERROR\] .*\[json-pointer:\/blocks\/0\]$/);
    expect((await platformError(client.apiCall('chat.teleport'))).data.error).toBe('unknown_method');
  });

  it('a response lost after Slack posted (disconnect after) leaves the message written', async () => {
    fake.failNext('chat.postMessage', { disconnect: 'after' });
    await expect(client.chat.postMessage({ channel: 'C0SHARED01', text: 'once?' })).rejects.toBeInstanceOf(webApi.WebAPIRequestError);
    expect(fake.state.messages.get('C0SHARED01')?.map((m) => m.text)).toEqual(['once?']);
  });

  it('users.info answers from the registry and user_not_found otherwise', async () => {
    fake.addUser({ id: 'U0CUSTOMER', team_id: 'T0ACMECORP', real_name: 'Ada Customer' });
    const info = await client.users.info({ user: 'U0CUSTOMER' });
    expect(info.user).toMatchObject({ id: 'U0CUSTOMER', team_id: 'T0ACMECORP', real_name: 'Ada Customer', is_bot: false });
    expect((await platformError(client.users.info({ user: 'U0NOBODY' }))).data.error).toBe('user_not_found');
  });

  it('conversations.info reports Slack Connect channels', async () => {
    fake.addChannel({ id: 'C0SHARED01', name: 'acme-support', is_ext_shared: true, connected_team_ids: ['T0ACMECORP'] });
    const info = await client.conversations.info({ channel: 'C0SHARED01' });
    expect(info.channel).toMatchObject({ is_ext_shared: true, is_shared: true, connected_team_ids: ['T0ACMECORP'] });
    expect((await platformError(client.conversations.info({ channel: 'C0UNKNOWN' }))).data.error).toBe('channel_not_found');
  });

  it('waitFor resolves on a later call and times out naming what it saw', async () => {
    const waiting = fake.waitFor('chat.postMessage', (c) => c.args.text === 'second');
    await client.chat.postMessage({ channel: 'C0SHARED01', text: 'first' });
    await client.chat.postMessage({ channel: 'C0SHARED01', text: 'second' });
    expect((await waiting).args.text).toBe('second');
    await expect(fake.waitFor('chat.postMessage', (c) => c.args.text === 'third', 50)).rejects.toThrow(/seen: chat.postMessage .*first/);
    await expect(fake.waitForCount('chat.postMessage', 2)).resolves.toHaveLength(2);
  });

  it('runs the files.uploadV2 flow end to end', async () => {
    await client.filesUploadV2({ channel_id: 'C0SHARED01', filename: 'export.csv', file: Buffer.from('a,b\n1,2\n'), initial_comment: 'Export' });
    const [file] = [...fake.state.files.values()];
    expect(file).toMatchObject({ filename: 'export.csv', completed: true });
    expect(file?.bytes?.toString()).toBe('a,b\n1,2\n');
    expect(fake.state.messages.get('C0SHARED01')?.[0]).toMatchObject({ subtype: 'file_share', text: 'Export' });
  });

  it('serves response_url: records posts, refuses a sixth use and an expired URL', async () => {
    const url = fake.responseUrl('claim-1');
    for (let i = 0; i < 6; i += 1) {
      await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: `n${i}` }) });
    }
    expect(fake.responses('claim-1').map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 404]);
    expect((await fake.waitForResponse('claim-1')).body).toEqual({ text: 'n0' });
    fake.expireResponseUrl('late');
    expect((await fetch(fake.responseUrl('late'), { method: 'POST', body: '{}' })).status).toBe(404);
  });
});
