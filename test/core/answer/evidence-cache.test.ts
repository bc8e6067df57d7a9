import { describe, expect, it } from 'vitest';
import { buildDeciderWithIndex } from '../../../src/core/answer/build-decider.js';
import { SMALL_KB, smallPolicy } from './small-policy.js';

const ask = (text: string, history: { role: 'customer' | 'bot'; text: string; at: number }[] = []) => ({ text, history, accountId: 'globex' });

describe('evidence remembered between turns', () => {
  it('is read afresh once the KB changes: a question the KB just learned is answered', async () => {
    const { decider, index } = buildDeciderWithIndex({ policy: smallPolicy(), kb: SMALL_KB });
    const question = 'how do I reset two-factor authentication for a colleague';
    expect((await decider.decide(ask(question))).action).toBe('escalate');
    index.addAll([{ id: 'kb-2fa', kind: 'conversation', purpose: 'answer', question: 'How do I reset two-factor authentication for a colleague?', answer: 'Admin > Members > Reset 2FA.', category: 'how_to', topic: 'reset_2fa' }]);
    const after = await decider.decide(ask(question));
    expect(after.action).toBe('answer');
    expect(after.answer?.citations[0]?.id).toBe('kb-2fa');
  });

  it('gives a thread the same decision whether or not its earlier turns were read before', async () => {
    const history = [
      { role: 'customer' as const, text: 'how can I export my dashboard as a CSV report?', at: 0 },
      { role: 'bot' as const, text: 'Open the dashboard, choose Export, then CSV.', at: 1 },
    ];
    const latest = 'that did not work, how do I export the dashboard report to CSV?';
    const fresh = await buildDeciderWithIndex({ policy: smallPolicy(), kb: SMALL_KB }).decider.decide(ask(latest, history));
    const { decider } = buildDeciderWithIndex({ policy: smallPolicy(), kb: SMALL_KB });
    await decider.decide(ask(history[0]!.text));
    const warmed = await decider.decide(ask(latest, history));
    expect(warmed).toEqual(fresh);
  });
});
