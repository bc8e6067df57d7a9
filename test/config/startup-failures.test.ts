import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sqlite3 from 'sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlackApi } from '../fakes/fake-slack-api.js';
import { FakeSocketMode } from '../fakes/fake-socket-mode.js';

/**
 * The compiled Baton (what `npm start` runs) with good settings but a store, Redis, Slack or port it
 * cannot use: one line on stderr naming the problem and the setting, exit 1, no stack trace.
 */
const run = promisify(execFile);
let fake: FakeSlackApi;
let socket: FakeSocketMode;

beforeAll(async () => {
  fake = await FakeSlackApi.start({ tokens: ['xoxb-good'], appTokens: ['xapp-good'] });
  socket = await FakeSocketMode.start(fake);
});
afterAll(async () => {
  await socket.stop();
  await fake.stop();
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
}

const tempDir = () => mkdtempSync(join(tmpdir(), 'baton-start-'));

async function start(env: Record<string, string>): Promise<{ code: number; stderr: string }> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(SLACK_|BATON_|OPENAI_)/.test(k)));
  const settings = { SLACK_BOT_TOKEN: 'xoxb-good', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: fake.url, PORT: '0', BATON_STORE: `sqlite://${join(tempDir(), 'b.sqlite')}` };
  try {
    await run(process.execPath, ['dist/main.js'], { env: { ...base, ...settings, ...env }, timeout: 50_000 });
    return { code: 0, stderr: '' };
  } catch (err) {
    const e = err as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr };
  }
}

function expectOneLine(result: { code: number; stderr: string }, ...parts: string[]): void {
  expect(result.code).toBe(1);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^Baton cannot start: /);
  for (const part of parts) expect(lines[0]).toContain(part);
}

describe('Baton refuses to start on what it cannot use', () => {
  it('a store path that is a directory', async () => {
    const dir = join(tempDir(), 'baton.sqlite');
    mkdirSync(dir);
    expectOneLine(await start({ BATON_STORE: `sqlite://${dir}` }), `BATON_STORE=sqlite://${dir}`, 'SQLITE_CANTOPEN');
  });

  it('a store whose folder cannot be created', async () => {
    expectOneLine(await start({ BATON_STORE: 'sqlite:///etc/hostname/baton.sqlite' }), 'BATON_STORE=sqlite:///etc/hostname/baton.sqlite', 'cannot create the folder');
  });

  it('a SQLite file another process keeps locked past the busy timeout', async () => {
    const file = join(tempDir(), 'b.sqlite');
    const holder = new sqlite3.Database(file);
    const exec = (sql: string) => new Promise<void>((resolve, reject) => holder.exec(sql, (err) => (err ? reject(err) : resolve())));
    await exec('CREATE TABLE t(x); BEGIN EXCLUSIVE; INSERT INTO t VALUES (1);');
    try {
      expectOneLine(await start({ BATON_STORE: `sqlite://${file}` }), `BATON_STORE=sqlite://${file}`, 'locked');
    } finally {
      await exec('ROLLBACK');
      await new Promise((resolve) => holder.close(resolve));
    }
  }, 60_000);

  it('a Redis that nobody answers on, with the password kept out of the message', async () => {
    const port = await freePort();
    const result = await start({ BATON_STORE: `redis://:hunter2@127.0.0.1:${port}` });
    expectOneLine(result, `BATON_STORE=redis://***@127.0.0.1:${port}: Redis is unreachable (ECONNREFUSED)`);
    expect(result.stderr).not.toContain('hunter2');
  });

  it('a Redis that takes the connection and never answers', async () => {
    const silent = createServer(() => undefined);
    const port = await new Promise<number>((resolve) => silent.listen(0, '127.0.0.1', () => resolve((silent.address() as { port: number }).port)));
    try {
      expectOneLine(await start({ BATON_STORE: `redis://127.0.0.1:${port}` }), `BATON_STORE=redis://127.0.0.1:${port}: Redis did not answer within 5 s`);
    } finally {
      silent.close();
    }
  });

  it('a bot token Slack refuses', async () => {
    expectOneLine(await start({ SLACK_BOT_TOKEN: 'xoxb-wrong' }), 'SLACK_BOT_TOKEN', 'invalid_auth');
  });

  it('an app-level token Slack refuses, in Socket Mode', async () => {
    expectOneLine(await start({ SLACK_APP_TOKEN: 'xapp-wrong' }), 'SLACK_APP_TOKEN: Slack refused the token (invalid_auth)');
  });

  it('a Slack it cannot reach', async () => {
    const url = `http://127.0.0.1:${await freePort()}/api/`;
    expectOneLine(await start({ SLACK_API_URL: url }), `Slack is unreachable at SLACK_API_URL=${url}`, 'ECONNREFUSED');
  });

  it('a Teams app id without its secret and tenant, listed like any configuration problem', async () => {
    const result = await start({ TEAMS_APP_ID: '8f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Baton cannot start: the configuration has problems:\n/);
    expect(result.stderr).toContain('environment: TEAMS_APP_PASSWORD: ');
    expect(result.stderr).toContain('environment: TEAMS_APP_TENANT_ID: ');
  });

  it('a port another process holds', async () => {
    const holder = createServer();
    const port = await new Promise<number>((resolve) => holder.listen(0, () => resolve((holder.address() as { port: number }).port)));
    try {
      expectOneLine(await start({ PORT: String(port) }), `PORT=${port}`, 'already in use');
    } finally {
      holder.close();
    }
  });
});
