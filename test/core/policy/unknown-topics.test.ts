import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/config/load-policy.js';
import { formatUnknownTopics, TopicTally, unknownTopicTier, unknownTopics } from '../../../src/core/policy/unknown-topics.js';
import type { KnowledgeEntry } from '../../../src/core/ports/knowledge.js';
import { smallPolicy } from '../answer/small-policy.js';

const CATEGORIES = `categories:
  - { name: billing, risk: medium, topics: [{ name: invoice }] }
  - { name: out_of_scope, risk: low }`;
const policyWith = (triage = '') => smallPolicy(triage, CATEGORIES);

const e = (id: string, extra: Partial<KnowledgeEntry>): KnowledgeEntry => ({ id, kind: 'conversation', question: id, ...extra });
const KB = [e('1', { category: 'Refund' }), e('2', { category: 'Refund' }), e('3', { topic: 'gdpr_request' }), e('4', { topic: 'invoice' }), e('5', { category: 'billing' }), { ...e('6', {}), kind: 'doc' as const, category: 'Privacy' }];

describe('topics the policy does not know', () => {
  it('fail closed: a category the policy does not list takes triage.unknown_topic_risk, high unless the policy says otherwise', () => {
    expect(unknownTopicTier(policyWith())('Refund')).toBe('high');
    expect(unknownTopicTier(policyWith())(undefined)).toBe('high');
    expect(unknownTopicTier(policyWith())('billing')).toBe('medium');
    expect(unknownTopicTier(policyWith('triage: { unknown_topic_risk: medium }'))('Refund')).toBe('medium');
  });

  it('refuses a tier that is not one, naming the key', () => {
    expect(() => policyWith('triage: { unknown_topic_risk: severe }')).toThrow(ConfigError);
    expect(() => policyWith('triage: { unknown_topic_risk: severe }')).toThrow(/unknown_topic_risk/);
  });

  it('lists imported categories and topics the policy does not list, largest first, docs left out', () => {
    const policy = policyWith();
    const found = unknownTopics(TopicTally.of(KB), policy);
    expect(found).toEqual([
      { category: 'Refund', records: 2 },
      { category: 'out_of_scope', topic: 'gdpr_request', records: 1 },
    ]);
    const text = formatUnknownTopics(found, policy);
    expect(text).toContain('  category Refund: 2 record(s)');
    expect(text).toContain('  - name: "Refund"\n    risk: high');
    expect(text).toContain('      - { name: "gdpr_request", risk: high }');
    expect(formatUnknownTopics([], policy)).toBe('Every imported category and topic is listed in the policy.');
  });
});
