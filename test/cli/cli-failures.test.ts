import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { useCliSession } from './cli-session.js';

/** A store or an output file the operator must fix is one line naming it and why, exit 1: never a stack trace. */
describe('baton CLI, when what it reads or writes cannot be used', () => {
  const cli = useCliSession('baton-cli-failures-');
  afterEach(() => vi.unstubAllEnvs());

  const storeCommands = (dir: string) => [
    ['inbox', 'list'],
    ['inbox', 'drop', '--all'],
    ['kb', 'sources'],
    ['gaps', 'export', '--out', join(dir, 'gaps.csv')],
    ['export', '--out', join(dir, 'exports')],
  ];

  it('names a SQLite store whose folder is a file, for every command that opens the store', async () => {
    const inTheWay = join(cli.dir, 'not-a-folder');
    writeFileSync(inTheWay, '');
    vi.stubEnv('BATON_STORE', `sqlite://${inTheWay}/baton.sqlite`);
    for (const args of storeCommands(cli.dir)) {
      cli.err = '';
      expect(await runCli(args), args.join(' ')).toBe(1);
      expect(cli.err).toBe(`baton ${args.slice(0, args[0] === 'export' ? 1 : 2).join(' ')}: store sqlite://${inTheWay}/baton.sqlite: cannot create the folder for the SQLite file (EEXIST): a file is in the way\n`);
    }
  });

  it('names a store of no kind Baton knows, and a Redis nobody answers at', async () => {
    expect(await runCli(['inbox', 'list', '--store', 'postgres://db/baton'])).toBe(1);
    expect(cli.err).toBe('baton inbox list: store postgres://db/baton: a store is sqlite://path or redis://host (--store, else BATON_STORE)\n');
    cli.err = '';
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    expect(await runCli(['inbox', 'list', '--store', 'redis://127.0.0.1:1'])).toBe(1);
    expect(cli.err).toBe('baton inbox list: store redis://127.0.0.1:1: Redis is unreachable (ECONNREFUSED)\n');
  });

  it('stops quietly, exit 0, when what reads its output stops first (`baton triage dev.jsonl | head`)', async () => {
    // The compiled CLI, as `npm run baton` runs it (test/global-build.ts compiled it).
    const child = spawn(process.execPath, ['dist/cli/main.js', 'triage', 'test/fixtures/triage/dev.jsonl'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    await once(child.stdout, 'data');
    child.stdout.destroy();
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect(stderr).not.toContain('EPIPE');
  });

  it('names an output file whose folder does not exist', async () => {
    vi.stubEnv('BATON_STORE', `sqlite://${join(cli.dir, 'baton.sqlite')}`);
    const out = join(cli.dir, 'missing', 'gaps.csv');
    expect(await runCli(['gaps', 'export', '--out', out])).toBe(1);
    expect(cli.err).toBe(`baton gaps export: ENOENT: no such file or directory, open '${out}'\n`);
  });
});
