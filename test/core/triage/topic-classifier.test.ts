import { describe, expect, it } from 'vitest';
import type { KnowledgeEntry } from '../../../src/core/ports/knowledge.js';
import { TopicClassifier } from '../../../src/core/triage/topic-classifier.js';

const entry = (id: string, question: string, topic: string, extra: Partial<KnowledgeEntry> = {}): KnowledgeEntry => ({ id, kind: 'conversation', question, topic, category: 'how_to', ...extra });

function classifier(entries: KnowledgeEntry[]): TopicClassifier {
  const c = new TopicClassifier();
  for (const e of entries) c.add(e);
  return c;
}

const KB = [
  entry('a1', 'how do I reset my password', 'password_reset'),
  entry('a2', 'I forgot my password and need a new one', 'password_reset'),
  entry('b1', 'where can I download last month invoice', 'invoice', { category: 'billing' }),
  entry('b2', 'send me a copy of the invoice please', 'invoice', { category: 'billing' }),
  entry('c1', 'my card was stolen yesterday', 'stolen_card', { category: 'security', risk: 'high' }),
];

describe('topic classifier', () => {
  it('recognises the topic of a paraphrase that shares only some words with its examples', () => {
    const [top] = classifier(KB).classify('I cannot remember the password, can you reset it?', 'acme');
    expect(top?.cls.key).toBe('password_reset');
  });

  it('still recognises a topic through a typo', () => {
    const [top] = classifier(KB).classify('need the invoise copy', 'acme');
    expect(top?.cls.key).toBe('invoice');
  });

  it('gives probabilities that sum to one and leave a runner-up its share when the message is ambiguous', () => {
    const reading = classifier(KB).classify('password invoice', 'acme');
    expect(reading.reduce((s, r) => s + r.p, 0)).toBeCloseTo(1, 5);
    expect(reading[1]!.p).toBeGreaterThan(0.1);
  });

  it("keeps a topic's own tier, as stated by its entries", () => {
    const [top] = classifier(KB).classify('someone stole my card', 'acme');
    expect(top?.cls.tiers.high).toBe(1);
  });

  it("never lets one account's private entries shape another account's reading", () => {
    const c = classifier([...KB, entry('p1', 'rotate the okta signing secret for acme', 'acme_okta', { account: 'acme' })]);
    expect(c.classify('rotate the okta signing secret', 'acme')[0]?.cls.key).toBe('acme_okta');
    expect(c.classify('rotate the okta signing secret', 'globex').some((r) => r.cls.key === 'acme_okta')).toBe(false);
  });

  it('learns entries added later, as an approved KB candidate is', () => {
    const c = classifier(KB);
    c.add(entry('n1', 'how do I export the audit log', 'audit_export'));
    expect(c.classify('export audit log', 'acme')[0]?.cls.key).toBe('audit_export');
  });

  it('returns nothing for a message made only of words it has never seen', () => {
    expect(classifier(KB).classify('zxqv blorft', 'acme')).toEqual([]);
  });
});
