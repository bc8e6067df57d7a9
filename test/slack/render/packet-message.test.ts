import { describe, expect, it } from 'vitest';
import type { HandoffPacket } from '../../../src/core/handoff/handoff-packet.js';
import { renderCustomerMessage } from '../../../src/slack/render/customer-message.js';
import { renderPacketMessage } from '../../../src/slack/render/packet-message.js';
import { checkBlocks, checkMessageText } from '../../fakes/block-kit-limits.js';

function packet(turns: number, textLength: number): HandoffPacket {
  return {
    escalationId: 'E-LONG',
    status: 'open',
    category: 'billing',
    summary: 'x'.repeat(5000),
    account: { name: 'Acme <Corp> & Co', tier: 'enterprise', crmUrl: 'https://crm.example.com/acme' },
    queue: { id: 'billing', role: 'billing specialist', slaMinutes: 120, sla: '2 hours' },
    dueAt: Date.UTC(2026, 10, 25, 12),
    reason: 'The customer asked for a person. Rule: phrase.',
    signals: [{ label: 'Category', value: 'billing (medium risk)' }],
    draftAnswer: { text: 'y'.repeat(4000), citations: [], confidence: 0.3 },
    transcript: Array.from({ length: turns }, (_, i) => ({
      role: i % 2 ? ('bot' as const) : ('customer' as const),
      text: `turn ${i} <!channel> ${'z'.repeat(textLength)}`,
      at: Date.UTC(2026, 10, 25, 10) + i * 1000,
    })),
    articles: Array.from({ length: 3 }, (_, i) => ({ id: `a${i}`, title: `article ${i} ${'t'.repeat(3000)}`, url: `https://help.example.com/${'p'.repeat(1500)}`, source: 'help', internal: true as const })),
    conversationLink: 'https://example.slack.com/archives/C1/p1',
  };
}

const errors = (blocks: unknown) => checkBlocks(blocks, 'message').filter((i) => i.severity === 'error');

describe('the handoff packet in Slack', () => {
  it('stays within Block Kit limits for a very long conversation and says what it left out', () => {
    const { text, blocks } = renderPacketMessage(packet(400, 2500));
    expect(errors(blocks)).toEqual([]);
    expect(checkMessageText(text).filter((i) => i.severity === 'error')).toEqual([]);
    const json = JSON.stringify(blocks);
    expect(json).toMatch(/\d+ earlier messages not shown/);
    expect(json).toContain('Open the full conversation');
    expect(json).toContain('turn 399'); // the newest turn is always there
  });

  it('shows a short conversation whole, with the claim and close buttons', () => {
    const { blocks } = renderPacketMessage(packet(3, 20));
    const json = JSON.stringify(blocks);
    expect(json).toContain('turn 0');
    expect(json).not.toContain('not shown');
    expect(json).toContain('baton.claim');
    expect(json).toContain('baton.close');
  });

  it('lists the articles for the team, linked, with their source, internal ones marked', () => {
    const articles = [
      { id: 'r', title: 'Trial runbook: Extend a trial', url: 'https://help.example.com/r', source: 'runbooks', internal: true as const },
      { id: 's', title: 'SCIM <setup>', source: 'help' },
    ];
    const json = JSON.stringify(renderPacketMessage({ ...packet(1, 1), articles }).blocks);
    expect(json).toContain('*Articles for the team:*\\n• <https://help.example.com/r|Trial runbook: Extend a trial> (runbooks, internal)\\n• SCIM &lt;setup&gt; (help)');
  });

  it('escapes customer text so it cannot ping the channel', () => {
    const json = JSON.stringify(renderPacketMessage(packet(1, 1)).blocks);
    expect(json).not.toContain('<!channel>');
    expect(json).toContain('&lt;!channel&gt;');
    expect(json).toContain('Acme &lt;Corp&gt; &amp; Co');
  });

  it('drops the buttons once resolved and shows the tags', () => {
    const resolved = { ...packet(2, 5), status: 'resolved' as const, resolvedBy: 'Ana', tags: { rootCause: 'billing_error', aiAccuracy: 'off_base' as const, automation: 'maybe' as const }, rootCauseLabel: 'Billing error' };
    const json = JSON.stringify(renderPacketMessage(resolved).blocks);
    expect(json).toContain('Resolved');
    expect(json).toContain('root cause: Billing error');
    expect(json).not.toContain('baton.claim');
  });
});

describe('an answer to the customer', () => {
  it('keeps a very long answer within limits and always offers a person', () => {
    const { blocks } = renderCustomerMessage({
      kind: 'answer',
      text: 'a'.repeat(10_000),
      citations: Array.from({ length: 30 }, (_, i) => ({ id: `kb-${i}`, title: `Article ${i}`, url: `https://docs.example.com/${i}` })),
      offerHuman: { label: 'Talk to a person', footer: 'Not it? Press the button.', conversationKey: 'slack:C1:1.0' },
    });
    expect(errors(blocks)).toEqual([]);
    expect(JSON.stringify(blocks)).toContain('baton.talk_to_human');
  });
});
