import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { openStores } from '../../src/infra/store/open-stores.js';
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
      'topic,category,questions,no_source,below_threshold,not_helpful,accounts,example_questions',
      '"refunds","billing","2","1","1","0","2","How are refunds paid?\nCan we get a refund for [EMAIL]?"',
      '"how_to","how_to","1","0","0","1","1","How do I invite someone?"',
      '',
    ]);
  });

  it('refuses a period that is not a whole number of days', async () => {
    expect(await runCli(['gaps', 'export', '--days', 'week'])).toBe(2);
    expect(cli.err).toContain('--days must be a whole number of days');
  });
});
