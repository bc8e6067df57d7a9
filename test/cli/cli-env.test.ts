import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { useCliSession } from './cli-session.js';

const cli = useCliSession('baton-cli-env-');

const saved = { ...process.env };
afterEach(() => {
  for (const k of ['BATON_CONFIG', 'BATON_KB', 'BATON_DOCS']) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

describe('the CLI reads the environment the server reads', () => {
  it('baton triage takes its policy, knowledge file and docs from BATON_CONFIG, BATON_KB and BATON_DOCS; a flag overrides', async () => {
    writeFileSync(join(cli.dir, 'kb.jsonl'), '');
    mkdirSync(join(cli.dir, 'docs'));
    writeFileSync(join(cli.dir, 'docs', 'exports.md'), '# Exports\n\n## How do I export a report to CSV\nOpen the report, press Export at the top right and choose CSV. Large exports arrive by email.\n');
    writeFileSync(join(cli.dir, 't.jsonl'), `${JSON.stringify({ id: 't1', account: 'acme', text: 'how do I export a report to CSV?' })}\n`);
    process.env.BATON_CONFIG = 'test/fixtures/e2e/baton.e2e.yaml';
    process.env.BATON_KB = join(cli.dir, 'kb.jsonl');
    process.env.BATON_DOCS = join(cli.dir, 'docs');
    expect(await runCli(['triage', join(cli.dir, 't.jsonl')])).toBe(0);
    expect(JSON.parse(cli.out.trim())).toMatchObject({ id: 't1', action: 'answer', source: expect.stringContaining('docs/exports.md#how-do-i-export-a-report-to-csv') });
    cli.out = '';
    expect(await runCli(['triage', '--docs', join(cli.dir, 'no-docs'), join(cli.dir, 't.jsonl')])).toBe(0);
    expect(JSON.parse(cli.out.trim()).action).not.toBe('answer');
  });

  it('baton kb ingest refuses a BATON_CONFIG that does not exist, as the server would', async () => {
    process.env.BATON_CONFIG = join(cli.dir, 'missing.yaml');
    writeFileSync(join(cli.dir, 'a.jsonl'), '{"id":"x","question":"q?","answer":"a."}');
    expect(await runCli(['kb', 'ingest', '--quiet', '--kb', join(cli.dir, 'kb.jsonl'), join(cli.dir, 'a.jsonl')])).toBe(2);
    expect(cli.err).toContain(`no such config file: ${join(cli.dir, 'missing.yaml')}`);
  });
});
