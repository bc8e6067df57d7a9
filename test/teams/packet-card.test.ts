import { describe, expect, it } from 'vitest';
import type { HandoffPacket } from '../../src/core/handoff/handoff-packet.js';
import { packetCard } from '../../src/teams/render/packet-card.js';
import { assertCardWithinLimits } from './card-limits.js';

/** A packet at the edges: the longest summary and draft a card block carries, and a long conversation in a multi-byte script. */
function packet(turns: number, textLength: number): HandoffPacket {
  return {
    escalationId: 'E-LONG',
    status: 'open',
    category: 'billing',
    summary: '\u00e9"'.repeat(8000),
    account: { name: 'Acme [Corp](https://evil.example)', tier: 'enterprise' },
    queue: { id: 'access', role: 'access specialist', slaMinutes: 60, sla: '1 hour' },
    dueAt: Date.UTC(2026, 10, 25, 12),
    reason: 'The customer asked for a person.',
    signals: [{ label: 'Category', value: 'billing (medium risk)' }],
    draftAnswer: { text: '\u00fc'.repeat(20_000), citations: [], confidence: 0.3 },
    transcript: Array.from({ length: turns }, (_, i) => ({ role: i % 2 ? ('bot' as const) : ('customer' as const), text: `turn ${i} ${'\u00df'.repeat(textLength)}`, at: Date.UTC(2026, 10, 25, 10) + i * 1000 })),
    articles: Array.from({ length: 3 }, (_, i) => ({ id: `a${i}`, title: `article ${i} ${'\u00e9'.repeat(3000)}`, url: `https://help.example.com/${'p'.repeat(1500)}`, source: 'help', internal: true as const })),
    conversationLink: 'https://teams.microsoft.com/l/message/19%3Aacme/1',
  };
}

describe('the handoff packet as a Teams card', () => {
  it('stays under the card size cap for the longest packet and keeps the newest turn, saying what it left out', () => {
    const card = packetCard(packet(400, 2500));
    assertCardWithinLimits(card);
    const json = JSON.stringify(card);
    expect(json).toContain('turn 399');
    expect(json).toMatch(/\d+ earlier messages not shown/);
    expect(json).toContain('Articles for the team:');
  });
});
