import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { openStores } from '../../src/infra/store/open-stores.js';
import { helpCenterSource, policyWithSources } from '../e2e/sources-policy.js';
import { FakeHelpCenter } from '../fakes/fake-help-center.js';
import { useCliSession } from './cli-session.js';

const cli = useCliSession('baton-gaps-');
const HOUR = 60 * 60 * 1000;

describe('gaps export: what Baton could not answer, as CSV', () => {
  it('writes one row per topic from the store, a repeated vote counted once, with the counts and examples', async () => {
    const store = `sqlite://${join(cli.dir, 'baton.sqlite')}`;
    const stores = await openStores(store);
    const at = Date.now() - 2 * HOUR;
    const gap = { kind: 'gap', accountId: 'acme', category: 'billing', topic: 'refunds', reason: 'no_source' } as const;
    await stores.feedback.record({ ...gap, id: 'gap:E-1', at, question: 'Can we get a refund for [EMAIL]?' });
    await stores.feedback.record({ ...gap, id: 'gap:E-2', at: at + 1, accountId: 'globex', reason: 'below_threshold', question: 'How are refunds paid?' });
    const vote = { kind: 'vote' as const, id: 'answer:E-3', at, accountId: 'acme', category: 'how_to', sources: ['Inviting teammates'], question: 'How do I invite someone?' };
    await stores.feedback.record({ ...vote, votedAt: at, vote: 'helpful' });
    await stores.feedback.record({ ...vote, votedAt: at + 5, vote: 'not_helpful' });
    await stores.close();

    const out = join(cli.dir, 'gaps.csv');
    process.env.BATON_STORE = store;
    try {
      expect(await runCli(['gaps', 'export', '--days', '7', '--out', out])).toBe(0);
    } finally {
      delete process.env.BATON_STORE;
    }
    expect(cli.out).toContain(`written to ${out}: 2 topics, 3 questions`);
    expect(readFileSync(out, 'utf8').split('\r\n')).toEqual([
      'topic,category,questions,no_source,below_threshold,not_helpful,accounts,example_questions,nearest_articles',
      '"refunds","billing","2","1","1","0","2","How are refunds paid?\nCan we get a refund for [EMAIL]?",""',
      '"how_to","how_to","1","0","0","1","1","How do I invite someone?",""',
      '',
    ]);
  });

  it("links each gap to the nearest article of each of the policy's sources, or none", async () => {
    const hc = await FakeHelpCenter.start();
    try {
      hc.publish({ id: 1, title: 'Invite a teammate', body: '<p>Open Settings, then Members, and press Invite; they get an email.</p>' });
      hc.publish({ id: 2, title: 'Export a report', body: '<p>Open the report, press Export and pick CSV as the format you want.</p>' });
      hc.publish({ id: 3, title: 'Rotate an API key', body: '<p>Open Settings, then Developers, press Rotate next to the key and copy the new one.</p>' });
      hc.publish({ id: 4, title: 'Set up single sign-on', body: '<p>Upload the metadata XML under Security, then test with one user first.</p>' });
      hc.publish({ id: 5, title: 'Change the billing email', body: '<p>Open Billing, press Edit next to the contact and save the new address.</p>' });
      const folder = join(cli.dir, 'runbooks');
      mkdirSync(folder);
      writeFileSync(join(folder, 'refunds.md'), '# Refund overrides\n\n## Apply a refund override\n\nOpen the billing console, find the invoice and apply the override code from the runbook.\n');
      const { file, ids } = policyWithSources([helpCenterSource(hc.url), { id: 'runbooks', kind: 'markdown', path: folder, audience: 'internal' }]);
      const store = `sqlite://${join(cli.dir, 'baton.sqlite')}`;
      expect(await runCli(['kb', 'sync', '--config', file, '--store', store])).toBe(0);
      const stores = await openStores(store);
      const gap = { kind: 'gap', accountId: 'acme', reason: 'no_source', at: Date.now() - HOUR } as const;
      await stores.feedback.record({ ...gap, id: 'gap:E-1', category: 'how_to', topic: 'invites', question: 'How do I invite a new teammate to our workspace?' });
      await stores.feedback.record({ ...gap, id: 'gap:E-2', category: 'billing', topic: 'refunds', question: 'Can you apply a refund override to our last invoice?' });
      await stores.close();

      const out = join(cli.dir, 'gaps.csv');
      process.env.BATON_STORE = store;
      try {
        expect(await runCli(['gaps', 'export', '--config', file, '--out', out])).toBe(0);
      } finally {
        delete process.env.BATON_STORE;
      }
      const cells = (topic: string) => readFileSync(out, 'utf8').split('\r\n').find((l) => l.startsWith(`"${topic}"`))!.split('","').at(-1)!.replace(/"$/, '').split('\n');
      expect(cells('invites')).toEqual([expect.stringMatching(new RegExp(`^${ids.help}: Invite a teammate \\(\\d+%\\) ${hc.url}/hc/en-us/articles/1$`)), `${ids.runbooks}: none`]);
      expect(cells('refunds')).toEqual([`${ids.help}: none`, expect.stringMatching(new RegExp(`^${ids.runbooks}: Refund overrides: Apply a refund override \\(\\d+%\\)$`))]);
    } finally {
      await hc.stop();
    }
  });

  it('refuses a period that is not a whole number of days', async () => {
    expect(await runCli(['gaps', 'export', '--days', 'week'])).toBe(2);
    expect(cli.err).toContain('--days must be a whole number of days');
  });
});
