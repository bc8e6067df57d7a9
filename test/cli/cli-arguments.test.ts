import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { useCliSession } from './cli-session.js';

describe('baton CLI arguments', () => {
  const cli = useCliSession('baton-cli-args-');

  it('names an unknown flag and shows the usage, exit 2, instead of a stack trace', async () => {
    expect(await runCli(['kb', 'ingest', '--bogus', 'a.jsonl'])).toBe(2);
    expect(cli.err).toContain("baton kb ingest: Unknown option '--bogus'");
    expect(cli.err).toContain('Usage: npm run baton -- kb ingest');
    expect(cli.err).not.toContain('    at ');
  });

  it('lists the commands of a group for `baton kb --help` and `baton help kb`, and asks for one for a bare `baton kb`', async () => {
    expect(await runCli(['kb', '--help'])).toBe(0);
    expect(cli.out).toContain('kb ingest');
    expect(cli.out).toContain('kb sources');
    expect(cli.out).not.toContain('inbox list');
    cli.out = '';
    expect(await runCli(['help', 'inbox'])).toBe(0);
    expect(cli.out).toContain('inbox retry');
    expect(cli.out).not.toContain('kb ingest');
    expect(await runCli(['kb'])).toBe(2);
    expect(cli.err).toMatch(/^baton: "kb" needs one of its commands\n/);
    expect(cli.err).toContain('kb approve');
    cli.err = '';
    expect(await runCli(['kb', 'nope'])).toBe(2);
    expect(cli.err).toMatch(/^baton: unknown command "kb nope"\n/);
  });

  it('names a flag given without its value', async () => {
    expect(await runCli(['triage', 'tickets.jsonl', '--kb'])).toBe(2);
    expect(cli.err).toContain("baton triage: Option '--kb <value>' argument missing");
  });
});
