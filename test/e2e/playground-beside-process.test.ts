import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlackApi } from '../fakes/fake-slack-api.js';
import { messageEvent, sendEvent } from '../fakes/slack-request.js';
import { startPlaygroundProcess, type StartedPlayground } from '../web/browser.js';
import { pageClient } from '../web/playground-client.js';

/** `npm start`'s compiled Baton with Slack settings (HTTP mode, a fake Slack) and BATON_PLAYGROUND=1, with the shipped policy. */
const SECRET = 'beside-process-secret';
let fake: FakeSlackApi;
let baton: StartedPlayground;

beforeAll(async () => {
  fake = await FakeSlackApi.start({ team: { id: 'T0VENDOR01' } });
  fake.addUser({ id: 'U0CUSTOMER', team_id: 'T0CUSTOMER', real_name: 'Casey' });
  baton = await startPlaygroundProcess({ BATON_PLAYGROUND: '1', SLACK_BOT_TOKEN: 'xoxb-beside', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.url });
});

afterAll(async () => {
  await baton.stop();
  await fake.stop();
});

describe('npm start with Slack settings and BATON_PLAYGROUND=1', () => {
  it('runs Slack and the playground in one process, and says so', async () => {
    const { port } = new URL(baton.url);
    expect(baton.output()).toContain(`Baton playground (BATON_PLAYGROUND=1, beside Slack): open http://127.0.0.1:${port}\n`);
    const ts = `${Math.floor(Date.now() / 1000)}.000100`;
    const envelope = messageEvent({ channel: 'C0ACME0001', user: 'U0CUSTOMER', userTeam: 'T0CUSTOMER', text: 'How do I invite a teammate?', ts });
    expect((await sendEvent({ url: `http://127.0.0.1:${port}/slack/events`, signingSecret: SECRET }, envelope)).status).toBe(200);
    const reply = await fake.waitFor('chat.postMessage', (c) => c.args.thread_ts === ts, 10_000);
    expect(String(reply.args.text)).toContain('Settings &gt; Members');
    const page = await pageClient(baton.url);
    expect((await page.call('/api/customer-messages', { account: 'acme', customer: 'web-acme-alex', text: 'How do I invite a teammate?' })).status).toBe(200);
    const ready = (await (await fetch(`${baton.url}/readyz`)).json()) as { checks: Record<string, string> };
    expect(ready.checks).toMatchObject({ store: 'ok', slack: 'ok' });
  });
});
