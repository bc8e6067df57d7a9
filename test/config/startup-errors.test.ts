import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { FakeSlackApi } from '../fakes/fake-slack-api.js';

const run = promisify(execFile);

/** Starts the compiled Baton, as `npm start` does (test/global-build.ts compiled it), and returns how it ended. */
async function start(env: Record<string, string>): Promise<{ code: number; stderr: string }> {
  const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SLACK_') && !k.startsWith('BATON_') && !k.startsWith('OPENAI_')));
  try {
    await run(process.execPath, ['dist/main.js'], { env: { ...cleanEnv, ...env }, timeout: 50_000 });
    return { code: 0, stderr: '' };
  } catch (err) {
    const e = err as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr };
  }
}

describe('starting Baton with bad settings', () => {
  it('lists every config problem with file, line and key, and exits non-zero', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-config-'));
    const file = join(dir, 'broken.yaml');
    writeFileSync(file, ['vendor:', '  team_ids: [not-a-team]', 'accounts: []', 'queues: []', 'categories:', '  - {name: billing, risk: huge}', 'root_causes: [{id: x, label: X}]', 'routing: {default_queue: support}', 'colour: blue', ''].join('\n'));
    const { code, stderr } = await start({ BATON_CONFIG: file, SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' });
    expect(code).not.toBe(0);
    expect(stderr).toContain(`${file}:2: vendor.team_ids[0]: a Slack team id`);
    expect(stderr).toContain(`${file}:3: accounts:`);
    expect(stderr).toContain(`${file}:6: categories[0].risk:`);
    expect(stderr).toContain('colour: unknown key');
    expect(stderr).toContain(`${file}:8: routing.default_queue: no queue named "support"`);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('names a config file that does not exist', async () => {
    const { code, stderr } = await start({ BATON_CONFIG: '/nonexistent/baton.yaml', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' });
    expect(code).not.toBe(0);
    expect(stderr).toContain('/nonexistent/baton.yaml: (top level): file not found');
  });

  it('names the line of a knowledge file that is not JSON, instead of a parser crash', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-kb-'));
    const file = join(dir, 'knowledge.jsonl');
    writeFileSync(file, '{"id":"a","kind":"conversation","question":"q","answer":"a"}\n{"id":"b","question":\n');
    // Slack answers: the knowledge is read while Baton already serves, and its broken line still stops the start.
    const slack = await FakeSlackApi.start();
    const { code, stderr } = await start({ BATON_CONFIG: 'config/baton.yaml', BATON_KB: file, SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: slack.url, PORT: '0', BATON_STORE: `sqlite://${join(dir, 'baton.sqlite')}` }).finally(() => slack.stop());
    expect(code).toBe(1);
    expect(stderr).toMatch(/^Baton cannot start: the configuration has problems:\n/);
    expect(stderr).toContain(`${file}:2: knowledge entry: not valid JSON`);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('names a folder given as BATON_KB, instead of a read error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-kb-'));
    const { code, stderr } = await start({ BATON_CONFIG: 'config/baton.yaml', BATON_KB: dir, PORT: '0', BATON_STORE: `sqlite://${join(dir, 'baton.sqlite')}` });
    expect(code).toBe(1);
    expect(stderr).toContain(`Baton cannot start: the configuration has problems:\n${dir}: (top level): a folder, not a knowledge file (set BATON_KB`);
  });

  it('names the missing Slack setting when others are set, and where the README explains it', async () => {
    const { code, stderr } = await start({ BATON_CONFIG: 'config/baton.yaml', SLACK_SIGNING_SECRET: 's' });
    expect(code).not.toBe(0);
    expect(stderr).toContain('SLACK_BOT_TOKEN (Bot User OAuth Token');
    expect(stderr).not.toContain('SLACK_SIGNING_SECRET (HTTP mode)');
    expect(stderr).toContain('README.md');
    const tokenOnly = await start({ BATON_CONFIG: 'config/baton.yaml', SLACK_BOT_TOKEN: 'xoxb-1' });
    expect(tokenOnly.code).not.toBe(0);
    expect(tokenOnly.stderr).toContain('SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode');
  }, 60_000); // two starts of the compiled Baton: on a loaded machine each can take well over 10 s

  it('with BATON_PLAYGROUND=0 and no Slack settings, names them all instead of opening the playground', async () => {
    const { code, stderr } = await start({ BATON_CONFIG: 'config/baton.yaml', BATON_PLAYGROUND: '0' });
    expect(code).not.toBe(0);
    expect(stderr).toContain('SLACK_BOT_TOKEN');
    expect(stderr).toContain('SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode');
  });

  it('does not open the playground on a broken policy', async () => {
    const { code, stderr } = await start({ BATON_CONFIG: '/nonexistent/baton.yaml' });
    expect(code).not.toBe(0);
    expect(stderr).toContain('/nonexistent/baton.yaml: (top level): file not found');
    expect(stderr).not.toContain('SLACK_BOT_TOKEN');
  });

  it('reports environment, config and missing Slack settings together', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-config-'));
    const file = join(dir, 'broken.yaml');
    writeFileSync(file, 'vendor: {team_ids: [T1]}\n');
    const { code, stderr } = await start({ BATON_CONFIG: file, PORT: 'eighty', SLACK_SIGNING_SECRET: 's' });
    expect(code).not.toBe(0);
    expect(stderr).toContain('environment: PORT');
    expect(stderr).toContain(`${file}:1: accounts:`);
    expect(stderr).toContain('SLACK_BOT_TOKEN');
  });

  it('rejects a malformed environment value instead of guessing', async () => {
    const { code, stderr } = await start({ BATON_CONFIG: 'config/baton.yaml', SLACK_BOT_TOKEN: 'not-a-token', SLACK_SIGNING_SECRET: 's', PORT: 'eighty' });
    expect(code).not.toBe(0);
    expect(stderr).toContain('environment: SLACK_BOT_TOKEN: a bot token starting with xoxb-');
    expect(stderr).toContain('environment: PORT: a port number, 0 to 65535');
  });

  it('says what a count setting takes, in words an operator can act on', async () => {
    const { code, stderr } = await start({ BATON_CONFIG: 'config/baton.yaml', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', BATON_MAX_BACKLOG: 'lots', OPENAI_TIMEOUT_MS: '1.5' });
    expect(code).not.toBe(0);
    expect(stderr).toContain('environment: BATON_MAX_BACKLOG: a whole number of messages, above 0');
    expect(stderr).toContain('environment: OPENAI_TIMEOUT_MS: a whole number of milliseconds, above 0');
    expect(stderr).not.toContain('NaN');
  });
});
