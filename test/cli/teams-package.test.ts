import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { useCliSession } from './cli-session.js';

const session = useCliSession('baton-teams-package-');
const APP_ID = '33333333-3333-4333-8333-333333333333';

describe('baton teams package', () => {
  it('zips the manifest with the app id in id and botId, and both icons, at the top level', async () => {
    const out = join(session.dir, 'baton-teams.zip');
    expect(await runCli(['teams', 'package', '--app-id', APP_ID, '--out', out])).toBe(0);
    const files = unzipSync(readFileSync(out));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(Buffer.from(files['manifest.json']!).toString('utf8'));
    expect(manifest).toMatchObject({ manifestVersion: '1.29', id: APP_ID, bots: [{ botId: APP_ID }] });
    expect(Buffer.from(files['color.png']!).equals(readFileSync('manifest/teams/color.png'))).toBe(true);
    expect(session.out).toContain(`for app ${APP_ID}`);
  });

  it('names the missing or malformed app id and writes nothing', async () => {
    const out = join(session.dir, 'none.zip');
    expect(await runCli(['teams', 'package', '--app-id', 'my-bot', '--out', out])).toBe(2);
    expect(session.err).toContain('"my-bot" is not a Microsoft App ID');
    expect(() => readFileSync(out)).toThrow();
  });
});
