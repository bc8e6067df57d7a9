import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Harness } from '../harness.js';
import { dmOf, lead, slash } from './loop-world.js';

/**
 * The loop policy with what these tests need: a category whose name ends in "d", as a period's does,
 * and a held period other than the default 7 days.
 */
function policyFile(dir: string): string {
  const loop = readFileSync('test/fixtures/e2e/baton.loop.yaml', 'utf8');
  const text = loop
    .replace('  - name: out_of_scope\n', '  - name: account_locked\n    risk: medium\n    examples: [Our admin account is locked]\n  - name: out_of_scope\n')
    .replace('held_days: 7', 'held_days: 14');
  expect(text).not.toBe(loop);
  const file = join(dir, 'baton.yaml');
  writeFileSync(file, text);
  return file;
}

let dir: string;
let h: Harness;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'baton-report-'));
  h = await Harness.start({ policyFile: policyFile(dir) });
  h.fake.addUser({ id: lead.id, team_id: lead.teamId, real_name: lead.name, name: lead.name?.toLowerCase() });
});
afterEach(async () => {
  expect(h.fake.violations()).toEqual([]);
  await h.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('/baton report wording', () => {
  it('reads a category ending in "d" as the category, and labels held with the configured days', async () => {
    const res = await slash(h, lead, 'report account_locked');
    expect(String((JSON.parse(res.body) as { text?: string }).text)).toContain('Building your 7d report');
    const dm = await dmOf(h, lead);
    const blocks = JSON.stringify((await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === dm)).args.blocks);
    expect(blocks).toContain('last 7 days · account_locked');
    expect(blocks).toContain('held 14 days');
  });
});
