import { describe, expect, it } from 'vitest';
import { buildDecider } from '../../src/core/answer/build-decider.js';
import type { KnowledgeEntry } from '../../src/core/ports/knowledge.js';
import { whyOf } from '../../src/web/render/why-view.js';
import { smallPolicy } from '../core/answer/small-policy.js';

/** An answer imported for everyone that still holds one customer's case. */
const STOPPED: KnowledgeEntry = {
  id: 'qa-1', kind: 'conversation', purpose: 'answer', category: 'how_to', topic: 'export_report', title: 'Acme export for Jörg',
  question: 'How do I export my dashboard report as a CSV?',
  answer: 'I have emailed the CSV to Åsa Lindqvist at Acme. Use Export > CSV on any dashboard.',
};

describe('the playground’s Why? beside a customer’s message', () => {
  it('says the guard stopped an answer and why, without the stopped answer’s claim, names or sources', async () => {
    const decision = await buildDecider({ policy: smallPolicy(), kb: [STOPPED] }).decide({ text: 'how can I export my dashboard report as a CSV?', history: [], accountId: 'globex' });
    expect(decision.trigger).toBe('guarded');
    expect(decision.rule).toContain('Åsa Lindqvist');
    const why = JSON.stringify(whyOf({ kind: 'decided', decision } as Parameters<typeof whyOf>[0]));
    expect(why).toContain('claims an action nobody took in this conversation');
    expect(why).toContain('names a person');
    for (const quoted of ['emailed', 'Åsa', 'Lindqvist', 'Acme', 'Jörg']) expect(why, quoted).not.toContain(quoted);
  });

  it('names no topic by its key: an imported tag can name the account it came from', async () => {
    const tagged: KnowledgeEntry = { ...STOPPED, topic: 'acme_sso_migration', title: 'SSO setup', answer: 'Open Settings > Security > Single sign-on and upload your identity provider’s metadata.', question: 'How do we set up single sign-on?' };
    const decision = await buildDecider({ policy: smallPolicy(), kb: [tagged] }).decide({ text: 'how do we set up single sign-on?', history: [], accountId: 'globex' });
    expect(decision.reasons.join(' ')).toContain('acme_sso_migration');
    const why = whyOf({ kind: 'decided', decision } as Parameters<typeof whyOf>[0]);
    expect(JSON.stringify(why).toLowerCase()).not.toContain('acme');
    expect(why.decision!.reasons[0]).toContain('topic=(named in the packet)');
  });
});
