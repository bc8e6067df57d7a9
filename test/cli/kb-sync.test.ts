import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { FakeHelpCenter } from '../fakes/fake-help-center.js';
import { helpCenterSource, policyWithSources } from '../e2e/sources-policy.js';
import { useCliSession } from './cli-session.js';

const cli = useCliSession('baton-kb-sync-');
let hc: FakeHelpCenter;
beforeEach(async () => {
  hc = await FakeHelpCenter.start();
});
afterEach(() => hc.stop());

function setUp() {
  hc.publish({ id: 1, title: 'Invite a teammate', body: '<p>Open Settings, then Members, and press Invite; they get an email.</p>' });
  hc.publish({ id: 2, title: 'Export a report', body: '<p>Open the report, press Export and pick CSV as the format you want.</p>', user_segment_id: 360_001 });
  const folder = join(cli.dir, 'runbooks');
  mkdirSync(folder);
  writeFileSync(join(folder, 'refunds.md'), '# Refund overrides\n\n## Apply an override\n\nOpen the billing console, find the invoice and apply the override code from the runbook.\n');
  const { file, ids } = policyWithSources([helpCenterSource(hc.url), { id: 'runbooks', kind: 'markdown', path: folder, audience: 'internal' }]);
  return { args: ['--config', file, '--store', `sqlite://${join(cli.dir, 'baton.sqlite')}`], ids };
}

describe('baton kb sync and baton kb sources', () => {
  it('syncs every source, then lists each with its kind, audience, articles and last sync', async () => {
    const { args, ids } = setUp();
    expect(await runCli(['kb', 'sync', ...args])).toBe(0);
    expect(cli.out).toBe(`${ids.help}: 2 articles (2 new, 0 changed, 0 removed)\n${ids.runbooks}: 1 articles (1 new, 0 changed, 0 removed)\n`);

    cli.out = '';
    expect(await runCli(['kb', 'sources', ...args])).toBe(0);
    const rows = cli.out.split('\n');
    expect(rows.find((r) => r.startsWith(ids.help!))).toMatch(/zendesk\s+everyone \(\+2 segments\)\s+10 min\s+2\s+2\s+\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\s*$/);
    expect(rows.find((r) => r.startsWith(ids.runbooks!))).toMatch(/markdown\s+internal\s+60 min\s+1\s+1\s+\d{4}-/);
  });

  it('syncs one source by name; a failing one exits 1, keeps its content and shows the error', async () => {
    const { args, ids } = setUp();
    expect(await runCli(['kb', 'sync', ids.help!, ...args])).toBe(0);
    hc.change(1, { title: 'Invite teammates' });
    hc.rateLimit(100, '0');
    cli.out = '';
    expect(await runCli(['kb', 'sync', ids.help!, ...args])).toBe(1);
    expect(cli.out).toBe(`${ids.help}: failed: ${hc.url}/api/v2/help_center/en-us/articles.json?per_page=100 answered HTTP 429 after 3 retries (keeping its last good content: 2 articles)\n`);
    // Said once: the summary line, not again in a log line on stderr.
    expect(cli.err).not.toContain('429');
    cli.out = '';
    await runCli(['kb', 'sources', ...args]);
    expect(cli.out).toContain('answered HTTP 429 after 3 retries');
  });

  it('names the sources there are when asked for one that is not', async () => {
    const { args, ids } = setUp();
    expect(await runCli(['kb', 'sync', 'wiki', ...args])).toBe(2);
    expect(cli.err).toContain(`no knowledge source "wiki" in`);
    expect(cli.err).toContain(`(there are: ${ids.help}, ${ids.runbooks})`);
  });
});
