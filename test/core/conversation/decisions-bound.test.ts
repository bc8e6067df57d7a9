import { describe, expect, it } from 'vitest';
import { newConversation, withDecision } from '../../../src/core/conversation/conversation.js';
import { conversationFacts } from '../../../src/core/metrics/facts.js';
import type { Decision } from '../../../src/core/model/decision.js';

function decision(action: Decision['action'], category: string, rule: string): Decision {
  return {
    action,
    category,
    risk: 'low',
    trigger: null,
    rule,
    confidence: 0.9,
    threshold: 0.5,
    complexity: 'low',
    sentiment: { label: 'neutral', frustration: 0, urgency: 0, distress: 0 },
    loop: false,
    reasons: [],
  };
}

describe('a conversation\u2019s stored decisions', () => {
  it('stay bounded in a runaway thread, keeping the one that set its report category and the latest', () => {
    let c = newConversation({ platform: 'slack', channel: 'C1', thread: '1.0' }, 'acme', 0);
    c = withDecision(c, decision('ignore', 'smalltalk', 'greeting'));
    c = withDecision(c, decision('answer', 'billing', 'first question'));
    for (let i = 0; i < 500; i++) c = withDecision(c, decision('answer', 'how_to', `follow-up ${i}`));
    expect(c.decisions).toHaveLength(50);
    expect(c.decisions[0]?.rule).toBe('first question');
    expect(c.decisions.at(-1)?.rule).toBe('follow-up 499');
    expect(conversationFacts(c).category).toBe('billing');
  });
});
