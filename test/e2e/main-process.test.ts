import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlackApi } from '../fakes/fake-slack-api.js';
import { messageEvent, sendEvent } from '../fakes/slack-request.js';

/** `npm start` (compiled JavaScript, built first), with the shipped config/baton.yaml and config/knowledge, against a fake Slack. */
const SECRET = 'main-process-secret';
let fake: FakeSlackApi;
let baton: ChildProcess;
let port: number;
let stdout = '';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
}

async function waitFor(predicate: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 150 && !predicate(); i++) await new Promise((r) => setTimeout(r, 100));
  if (!predicate()) throw new Error(`timed out waiting for ${what}; output so far:\n${stdout}`);
}

beforeAll(async () => {
  fake = await FakeSlackApi.start({ team: { id: 'T0VENDOR01' } });
  fake.addUser({ id: 'U0CUSTOMER', team_id: 'T0CUSTOMER', real_name: 'Casey' });
  port = await freePort();
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SLACK_') && !k.startsWith('BATON_') && !k.startsWith('OPENAI_')));
  // Exactly what the README says to run; npm passes a SIGTERM on to Baton and exits with its code.
  baton = spawn('npm', ['start'], {
    env: {
      ...env,
      SLACK_BOT_TOKEN: 'xoxb-main-process',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.url,
      PORT: String(port),
      BATON_STORE: `sqlite://${join(mkdtempSync(join(tmpdir(), 'baton-main-')), 'baton.sqlite')}`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so a failed test can kill npm and Baton together.
    detached: true,
  });
  baton.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  baton.stderr?.on('data', (d: Buffer) => (stdout += d.toString()));
  await waitFor(() => stdout.includes('Baton is running'), 'Baton to start');
});

afterAll(async () => {
  if (baton.exitCode === null && baton.pid) process.kill(-baton.pid, 'SIGKILL');
  await fake.stop();
});

describe('npm start with the shipped example', () => {
  it('answers a customer from the shipped docs, then stops cleanly on SIGTERM', async () => {
    const ts = `${Math.floor(Date.now() / 1000)}.000100`;
    const envelope = messageEvent({ channel: 'C0ACME0001', user: 'U0CUSTOMER', userTeam: 'T0CUSTOMER', text: 'How do I invite a teammate?', ts });
    const res = await sendEvent({ url: `http://127.0.0.1:${port}/slack/events`, signingSecret: SECRET }, envelope);
    expect(res.status).toBe(200);
    const reply = await fake.waitFor('chat.postMessage', (c) => c.args.thread_ts === ts, 10_000);
    expect(String(reply.args.text)).toContain('Settings &gt; Members');
    expect(JSON.stringify(reply.args.blocks)).toContain('Members and workspace settings: How do I invite a teammate?');
    expect(stdout).toContain('"msg":"knowledge base built"');
    expect(stdout).not.toContain('xoxb-main-process');

    const base = `http://127.0.0.1:${port}`;
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { store: 'ok', slack: 'ok', knowledge: 'ok', deliveries: 'ok' } });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/^baton_events_received_total\{platform="slack"\} 1$/m);
    expect(metrics).toMatch(/^baton_events_acked_total\{platform="slack"\} 1$/m);
    expect(metrics).toMatch(/^baton_decisions_total\{action="answer",trigger="none"\} 1$/m);

    const exited = new Promise<number | null>((resolve) => baton.once('exit', (code) => resolve(code)));
    baton.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout).toContain('"msg":"stopping"');
    expect(stdout).toContain('"msg":"stopped"');
  });
});
