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

  it('names a flag given without its value', async () => {
    expect(await runCli(['triage', 'tickets.jsonl', '--kb'])).toBe(2);
    expect(cli.err).toContain("baton triage: Option '--kb <value>' argument missing");
  });
});
