import { describe, expect, it } from 'vitest';
import { audienceFilter } from '../../../src/core/answer/audience.js';
import { buildDecider } from '../../../src/core/answer/build-decider.js';
import { InvertedKnowledgeIndex } from '../../../src/core/answer/knowledge-index.js';
import type { Audience, KnowledgeEntry } from '../../../src/core/ports/knowledge.js';
import { smallPolicy } from './small-policy.js';

const accounts = [
  { id: 'acme', tier: 'enterprise' },
  { id: 'globex', tier: 'starter' },
];

const article = (id: string, audience: Audience): KnowledgeEntry => ({
  id,
  kind: 'doc',
  purpose: 'answer',
  topic: 'sso',
  question: 'How do I set up SAML single sign-on?',
  answer: `Set it up (${id}).`,
  audience,
});

const index = new InvertedKnowledgeIndex(
  [article('public', { everyone: true }), article('enterprise', { tiers: ['enterprise'] }), article('globex-only', { accounts: ['globex'] }), article('runbook', { internal: true })],
  audienceFilter(accounts),
);
const found = (accountId: string) => index.search('set up SAML single sign-on', { accountId, limit: 10 }).map((h) => h.entry.id).sort();
const ofTopic = (accountId: string) => [...index.topicEntries('sso', accountId)].map((e) => e.id).sort();

describe('an article reaches the customers of its audience only', () => {
  it('an enterprise account finds the public and enterprise articles, never the staff runbook', () => {
    expect(found('acme')).toEqual(['enterprise', 'public']);
    expect(ofTopic('acme')).toEqual(['enterprise', 'public']);
  });

  it('a starter account finds the public article and the one for its account, never the enterprise one', () => {
    expect(found('globex')).toEqual(['globex-only', 'public']);
    expect(ofTopic('globex')).toEqual(['globex-only', 'public']);
  });

  it('an account the policy does not list sees articles for everyone only', () => {
    expect(found('initech')).toEqual(['public']);
  });
});

describe('an internal (staff-only) article', () => {
  it('is never quoted to a customer, even when it is the only article on the question', async () => {
    const runbook: KnowledgeEntry = { ...article('runbook', { internal: true }), source: 'runbooks', title: 'Refund override runbook', answer: 'Open the billing console and apply the override code RF-OVERRIDE.' };
    const decision = await buildDecider({ policy: smallPolicy(), kb: [runbook] }).decide({ text: 'How do I set up SAML single sign-on?', history: [], accountId: 'acme' });
    expect(decision.action).toBe('escalate');
    expect(JSON.stringify(decision)).not.toMatch(/RF-OVERRIDE|Refund override runbook/);
  });
});
