import { describe, expect, it } from 'vitest';
import { audienceFilter } from '../../../src/core/answer/audience.js';
import { buildDecider } from '../../../src/core/answer/build-decider.js';
import { InvertedKnowledgeIndex } from '../../../src/core/answer/knowledge-index.js';
import type { Audience, KnowledgeEntry, Reader } from '../../../src/core/ports/knowledge.js';
import type { Llm, LlmDraftRequest } from '../../../src/core/ports/llm.js';
import { NAME_TOPICS } from '../../e2e/clarify-knowledge.js';
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
const found = (accountId: string, reader: Reader = 'customer') => index.search('set up SAML single sign-on', { accountId, limit: 10, reader }).map((h) => h.entry.id).sort();
const ofTopic = (accountId: string, reader: Reader = 'customer') => [...index.topicEntries('sso', accountId, reader)].map((e) => e.id).sort();

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

  it("staff drafting for an account find the internal runbook besides what the account may see, and still not another tier's or account's article", () => {
    expect(found('globex', 'staff')).toEqual(['globex-only', 'public', 'runbook']);
    expect(ofTopic('acme', 'staff')).toEqual(['enterprise', 'public', 'runbook']);
    expect([...index.topicAnswers('sso', 'acme', 'staff')].map((e) => e.id).sort()).toEqual(['enterprise', 'public', 'runbook']);
    expect([...index.topicAnswers('sso', 'acme', 'customer')].map((e) => e.id).sort()).toEqual(['enterprise', 'public']);
  });
});

describe('an internal (staff-only) article', () => {
  it('is never quoted to a customer, even when it is the only article on the question', async () => {
    const runbook: KnowledgeEntry = { ...article('runbook', { internal: true }), source: 'runbooks', title: 'Refund override runbook', answer: 'Open the billing console and apply the override code RF-OVERRIDE.' };
    const decision = await buildDecider({ policy: smallPolicy(), kb: [runbook] }).decide({ text: 'How do I set up SAML single sign-on?', history: [], accountId: 'acme' });
    expect(decision.action).toBe('escalate');
    expect(JSON.stringify(decision)).not.toMatch(/RF-OVERRIDE|Refund override runbook/);
  });

  it('is never offered as a reading of a clarifying question, where the same article for everyone would be', async () => {
    const kb = (audience: Audience) => NAME_TOPICS.map((e) => (e.topic === 'display_name' ? { ...e, kind: 'doc' as const, title: 'Display name override runbook', source: 'runbooks', audience } : e));
    const ask = (audience: Audience) => buildDecider({ policy: smallPolicy(), kb: kb(audience) }).decide({ text: 'How do I change the name?', history: [], accountId: 'acme', clarify: true });
    expect((await ask({ everyone: true })).readings?.map((r) => r.label)).toEqual(['How to: Renaming the workspace', 'How to: Display name override runbook']);
    const decision = await ask({ internal: true });
    expect(decision.action).not.toBe('clarify');
    expect(JSON.stringify(decision)).not.toMatch(/override runbook|avatar menu/);
  });

  it("reaches the model's prompt for a staff draft only, never for a customer's reply", async () => {
    const runbook: KnowledgeEntry = { ...article('runbook', { internal: true }), title: 'SSO runbook', answer: 'Apply the SSO-OVERRIDE flag in the admin console.' };
    const prompted: LlmDraftRequest[] = [];
    const llm: Llm = {
      draft: async (request) => {
        prompted.push(request);
        return { answer: request.sources[0]?.text ?? '', citations: request.sources.map((x) => x.id), confidence: 0.9 };
      },
    };
    const decider = buildDecider({ policy: smallPolicy(), kb: [article('public', { everyone: true }), runbook], llm });
    const ask = { text: 'How do I set up SAML single sign-on?', history: [], accountId: 'acme' };
    await decider.decide(ask);
    await decider.decide({ ...ask, audience: 'staff' });
    expect(prompted.map((p) => p.sources.map((x) => x.id).sort())).toEqual([['public'], ['public', 'runbook']]);
  });
});
