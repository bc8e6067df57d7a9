import { describe, expect, it } from 'vitest';
import { buildDecider } from '../../src/core/answer/build-decider.js';
import type { KnowledgeEntry } from '../../src/core/ports/knowledge.js';
import { whyOf } from '../../src/web/render/why-view.js';
import { SMALL_KB, smallPolicy } from '../core/answer/small-policy.js';

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
    const why = JSON.stringify(whyOf({ kind: 'decided', decision } as Parameters<typeof whyOf>[0], smallPolicy()));
    expect(why).toContain('claims an action nobody took in this conversation');
    expect(why).toContain('names a person');
    for (const quoted of ['emailed', 'Åsa', 'Lindqvist', 'Acme', 'Jörg']) expect(why, quoted).not.toContain(quoted);
  });

  it('names no topic by its key: an imported tag can name the account it came from', async () => {
    const tagged: KnowledgeEntry = { ...STOPPED, topic: 'acme_sso_migration', title: 'SSO setup', answer: 'Open Settings > Security > Single sign-on and upload your identity provider’s metadata.', question: 'How do we set up single sign-on?' };
    const decision = await buildDecider({ policy: smallPolicy(), kb: [tagged] }).decide({ text: 'how do we set up single sign-on?', history: [], accountId: 'globex' });
    expect(decision.reasons.join(' ')).toContain('acme_sso_migration');
    const why = whyOf({ kind: 'decided', decision } as Parameters<typeof whyOf>[0], smallPolicy());
    expect(JSON.stringify(why).toLowerCase()).not.toContain('acme');
    expect(why.decision!.reasons[0]).toContain('topic=(named in the packet)');
  });

  it('names a category only by the policy’s name: an imported helpdesk group or tag can name a customer', async () => {
    const grouped: KnowledgeEntry[] = ['How is our seat renewal priced?', 'What will the renewal of our seats cost?'].map((question, i) => ({
      id: `zd-${i}`, kind: 'conversation', purpose: 'answer', category: 'Initech Dedicated', topic: 'initech_renewal', title: 'Seat renewal', question,
      answer: 'Renewals are priced per seat at the list price on the renewal date; Billing > Plan shows yours.',
    }));
    const decision = await buildDecider({ policy: smallPolicy(), kb: grouped }).decide({ text: 'how is the renewal of our seats priced?', history: [], accountId: 'globex' });
    expect(decision.category).toBe('Initech Dedicated');
    const why = whyOf({ kind: 'decided', decision } as Parameters<typeof whyOf>[0], smallPolicy());
    expect(JSON.stringify(why).toLowerCase()).not.toContain('initech');
    expect(why.decision!.category).toBe('(named in the packet)');
  });

  it('keeps the policy’s own category names readable', async () => {
    const decision = await buildDecider({ policy: smallPolicy(), kb: SMALL_KB }).decide({ text: 'how can I export my dashboard report as a CSV?', history: [], accountId: 'globex' });
    const why = whyOf({ kind: 'decided', decision } as Parameters<typeof whyOf>[0], smallPolicy());
    expect(why.decision!.category).toBe('how_to');
    expect(why.decision!.reasons[0]).toContain('category=how_to');
  });
});
