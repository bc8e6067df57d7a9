import { describe, expect, it } from 'vitest';
import { InvertedKnowledgeIndex } from '../../../src/core/answer/knowledge-index.js';
import type { KnowledgeEntry } from '../../../src/core/ports/knowledge.js';

const entry = (id: string, question: string, extra: Partial<KnowledgeEntry> = {}): KnowledgeEntry => ({ id, kind: 'conversation', question, answer: `answer of ${id}`, ...extra });

const KB: KnowledgeEntry[] = [
  entry('export-csv', 'How can I export my dashboard as a CSV report?', { topic: 'export' }),
  entry('export-pdf', 'Can I download the dashboard report as a PDF?', { topic: 'export' }),
  entry('sso-okta', 'How do I set up single sign-on with Okta?', { topic: 'sso' }),
  entry('invoice', 'Why is my invoice higher this month?', { topic: 'billing' }),
  entry('acme-webhook', 'How do we rotate the webhook signing secret?', { account: 'acme', topic: 'webhook' }),
  entry('globex-webhook', 'Our webhook signing secret leaked, rotate it', { account: 'globex', topic: 'webhook' }),
];
const ids = (hits: { entry: KnowledgeEntry }[]) => hits.map((h) => h.entry.id);

describe('knowledge index', () => {
  const index = new InvertedKnowledgeIndex(KB);

  it('ranks the entry asking the same thing first, with a similarity in [0, 1]', () => {
    const hits = index.search('how do I export the dashboard as CSV', { accountId: 'acme', limit: 3 });
    expect(hits[0]?.entry.id).toBe('export-csv');
    for (const h of hits) expect(h.similarity).toBeGreaterThan(0);
    for (const h of hits) expect(h.similarity).toBeLessThanOrEqual(1);
    expect(hits.map((h) => h.similarity)).toEqual([...hits.map((h) => h.similarity)].sort((a, b) => b - a));
  });

  it('gives a verbatim question similarity 1', () => {
    expect(index.search('Why is my invoice higher this month?', { accountId: 'acme', limit: 1 })[0]?.similarity).toBeCloseTo(1, 6);
  });

  it('finds an entry despite a typo in a long word', () => {
    expect(ids(index.search('a question about my invoise', { accountId: 'acme', limit: 5 }))).toEqual(['invoice']);
  });

  it('returns nothing for a question sharing no word with the KB', () => {
    expect(index.search('what do geese eat', { accountId: 'acme', limit: 5 })).toEqual([]);
  });

  it('respects the limit', () => {
    expect(index.search('dashboard report', { accountId: 'acme', limit: 1 })).toHaveLength(1);
  });

  it('shows an account its own entries and the global ones, never another account\u2019s', () => {
    const acme = ids(index.search('rotate the webhook secret', { accountId: 'acme', limit: 10 }));
    expect(acme).toContain('acme-webhook');
    expect(acme).not.toContain('globex-webhook');
    const globex = ids(index.search('rotate the webhook secret', { accountId: 'globex', limit: 10 }));
    expect(globex).toEqual(['globex-webhook']);
    expect(index.search('rotate the webhook secret', { accountId: 'initech', limit: 10 })).toEqual([]);
  });

  it('scopes topic entries the same way', () => {
    expect([...index.topicEntries('webhook', 'acme')].map((e) => e.id)).toEqual(['acme-webhook']);
    expect([...index.topicEntries('webhook', 'initech')]).toEqual([]);
    expect([...index.topicEntries('export', 'initech')].map((e) => e.id)).toEqual(['export-csv', 'export-pdf']);
  });
});

describe('knowledge index updates', () => {
  it('changes nothing when the same entries are added again', () => {
    const index = new InvertedKnowledgeIndex(KB);
    const before = index.search('export the dashboard report', { accountId: 'acme', limit: 5 });
    index.addAll(KB);
    expect(index.size).toBe(KB.length);
    expect(index.search('export the dashboard report', { accountId: 'acme', limit: 5 })).toEqual(before);
    expect([...index.topicEntries('export', 'acme')]).toHaveLength(2);
  });

  it('replaces an entry re-added under its id: the old wording and topic are gone', () => {
    const index = new InvertedKnowledgeIndex(KB);
    const version = index.version;
    index.addAll([entry('invoice', 'How do I change the billing email address?', { topic: 'billing-email' })]);
    expect(index.size).toBe(KB.length);
    expect(index.version).not.toBe(version);
    expect(ids(index.search('why is my invoice higher', { accountId: 'acme', limit: 5 }))).not.toContain('invoice');
    expect(ids(index.search('change the billing email', { accountId: 'acme', limit: 1 }))).toEqual(['invoice']);
    expect([...index.topicEntries('billing', 'acme')]).toEqual([]);
    expect([...index.topicEntries('billing-email', 'acme')].map((e) => e.id)).toEqual(['invoice']);
  });

  it('makes an entry moved to an account private to it', () => {
    const index = new InvertedKnowledgeIndex(KB);
    index.addAll([entry('sso-okta', 'How do I set up single sign-on with Okta?', { account: 'acme', topic: 'sso' })]);
    expect(ids(index.search('single sign-on with Okta', { accountId: 'globex', limit: 5 }))).not.toContain('sso-okta');
    expect(ids(index.search('single sign-on with Okta', { accountId: 'acme', limit: 5 }))).toContain('sso-okta');
  });

  it('uses entries added after the first search', () => {
    const index = new InvertedKnowledgeIndex(KB);
    expect(index.search('reset two-factor authentication', { accountId: 'acme', limit: 1 })).toEqual([]);
    index.addAll([entry('2fa', 'How do I reset two-factor authentication?')]);
    expect(ids(index.search('reset two-factor authentication', { accountId: 'acme', limit: 1 }))).toEqual(['2fa']);
  });
});
