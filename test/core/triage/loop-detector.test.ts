import { describe, expect, it } from 'vitest';
import { buildDecider } from '../../../src/core/answer/build-decider.js';
import type { Turn } from '../../../src/core/model/message.js';
import { SMALL_KB, smallPolicy } from '../answer/small-policy.js';

const t = (role: Turn['role'], text: string): Turn => ({ role, text, at: 0 });

describe('loop detection', () => {
  const asked = [t('customer', 'How can I export my dashboard as a CSV report?'), t('bot', 'Open the dashboard, choose Export, then CSV.'), t('customer', 'is there a way to download the report data to a spreadsheet'), t('bot', 'Use Export > CSV.')];

  it('trips on the third asking of the same question, reworded', async () => {
    const d = await buildDecider({ policy: smallPolicy(), kb: SMALL_KB }).decide({ text: 'that did not help: how do I export the report?', history: asked, accountId: 'globex' });
    expect(d.askings).toBe(3);
    expect(d.loop).toBe(true);
    expect(d).toMatchObject({ action: 'escalate', trigger: 'loop' });
  });

  it('does not trip on different questions in one thread', async () => {
    const history = [t('customer', 'How can I export my dashboard as a CSV report?'), t('bot', '...'), t('customer', 'Where can I download my invoice for last month?'), t('bot', '...')];
    const d = await buildDecider({ policy: smallPolicy(), kb: SMALL_KB }).decide({ text: 'How do I set up single sign-on with Okta?', history, accountId: 'globex' });
    expect(d.loop).toBe(false);
  });

  it('uses the configured count', async () => {
    const policy = smallPolicy('triage: { loop_after: 4 }');
    const d = await buildDecider({ policy, kb: SMALL_KB }).decide({ text: 'that did not help: how do I export the report?', history: asked, accountId: 'globex' });
    expect(d.askings).toBe(3);
    expect(d.loop).toBe(false);
  });
});
