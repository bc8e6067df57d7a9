import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BatonProcess, SECRET } from '../fault/baton-process.js';
import { FakeSlackApi } from '../fakes/fake-slack-api.js';
import { messageEvent, sendEvent } from '../fakes/slack-request.js';
import { E2E_KNOWLEDGE } from './knowledge.js';

/**
 * The compiled Baton (dist/main.js: `npm run build` first) serves before its knowledge is built. The
 * knowledge file is a named pipe, so the test holds the read for as long as it likes: Baton listens, is
 * not ready and says why, records a customer's message, and answers it from the whole knowledge once
 * the test has written it.
 */
let fake: FakeSlackApi;
let baton: BatonProcess;
let dir: string;
let kb: string;

beforeAll(async () => {
  fake = await FakeSlackApi.start({ team: { id: 'T0VENDOR01' } });
  fake.addUser({ id: 'U0CUSTOMER', team_id: 'T0CUSTOMER', real_name: 'Casey' });
  dir = mkdtempSync(join(tmpdir(), 'baton-startup-'));
  kb = join(dir, 'knowledge.jsonl');
  execFileSync('mkfifo', [kb]);
  baton = await BatonProcess.start({
    SLACK_API_URL: fake.url,
    BATON_KB: kb,
    // No docs: an answer can only come from the knowledge written to the pipe.
    BATON_DOCS: join(dir, 'no-docs'),
    BATON_STORE: `sqlite://${join(dir, 'baton.sqlite')}`,
  });
}, 60_000);

afterAll(async () => {
  await baton?.stop();
  await fake.stop();
});

/** Writes the knowledge down the pipe; a regular file with the same lines takes its place for later reloads. */
function writeKnowledge(): void {
  const text = `${E2E_KNOWLEDGE.map((e) => JSON.stringify(e)).join('\n')}\n`;
  const pipe = openSync(kb, 'w');
  writeSync(pipe, text);
  const file = join(dir, 'knowledge.next');
  writeFileSync(file, text);
  renameSync(file, kb);
  closeSync(pipe);
}

describe('start-up while the knowledge is being read', () => {
  it('is not ready until the knowledge is built, and answers a message received meanwhile from all of it', async () => {
    expect((await fetch(`${baton.url}/healthz`)).status).toBe(200);
    const building = await fetch(`${baton.url}/readyz`);
    expect(building.status).toBe(503);
    expect(await building.json()).toMatchObject({ status: 'not ready', checks: { knowledge: 'reading the knowledge' } });

    const ts = `${Math.floor(Date.now() / 1000)}.000100`;
    const envelope = messageEvent({ channel: 'C0ACME0001', user: 'U0CUSTOMER', userTeam: 'T0CUSTOMER', text: 'How do I invite a teammate?', ts });
    // 200 only once the message is recorded in the inbox.
    expect((await sendEvent({ url: baton.eventsUrl, signingSecret: SECRET }, envelope)).status).toBe(200);
    expect(fake.calls('chat.postMessage').filter((c) => c.args.thread_ts === ts)).toEqual([]);

    writeKnowledge();
    const reply = await fake.waitFor('chat.postMessage', (c) => c.args.thread_ts === ts, 30_000);
    expect(String(reply.args.text)).toContain('Settings &gt; Members');
    const ready = await fetch(`${baton.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { knowledge: 'ok' } });
  }, 60_000);
});
