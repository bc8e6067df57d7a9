import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/core/metrics/report.js';
import type { Proposal } from '../../src/core/suggest/propose-answer.js';
import { leadIdOf } from '../../src/teams/normalize/teams-lead.js';
import type { AdaptiveCard } from '../../src/teams/render/adaptive-card.js';
import { answerReviewCard } from '../../src/teams/render/answer-review-card.js';
import { reportActivity } from '../../src/teams/render/report-card.js';
import { RULES } from '../core/metrics/outcome-fixtures.js';
import { assertCardWithinLimits } from './card-limits.js';

const NOW = Date.UTC(2026, 11, 7, 12);
const cardOf = (activity: { attachments?: { content?: unknown }[] }) => activity.attachments![0]!.content as AdaptiveCard;

describe('a lead\u2019s cards at their largest', () => {
  it('a 90-day report with every series filled at every point stays within a Teams card, its chart one point per point of the series', () => {
    const view = buildReport({ conversations: [], escalations: [], csat: [] }, { days: 90 }, NOW, RULES);
    const full = { ...view, series: view.series.map((p, i) => ({ ...p, escalationRate: (i % 10) / 10, csatScore: 0.8, fcrRate: 0.6, healthyShare: 0.75 })) };
    const card = cardOf(reportActivity(full));
    assertCardWithinLimits(card);
    const chart = card.body.find((e) => e.type === 'Chart.Line') as { data: { values: unknown[] }[] };
    expect(chart.data.map((l) => l.values.length)).toEqual([1, 2, 3, 4].map(() => full.series.length));
  });

  it('a proposed answer of 3,000 characters with marked spans stays within a Teams card, shown and editable in full', () => {
    const answer = 'Open Settings > Billing and choose Download invoice. '.repeat(60).slice(0, 3000);
    const proposal: Proposal = { topic: 'invoices', volume: 40, accounts: ['acme'], question: 'Where are invoices?', answer, marks: [{ kind: 'amount', start: 0, end: 4, text: 'Open' }], drafted: 'representative', from: ['zd-1'], version: 'v1' };
    const card = answerReviewCard(proposal, 1, Array.from({ length: 120 }, (_, i) => ({ id: `a${i}`, name: `Account ${i}` })));
    assertCardWithinLimits(card);
    expect(JSON.stringify(card)).toContain(JSON.stringify(answer.slice(4)).slice(1, -1));
  });
});

describe('a Teams lead\u2019s id for the lead checks', () => {
  const policy = { leads: ['teams:3F2B8C1D-5E6A-4B7C-8D9E-0A1B2C3D4E5F'], queues: [] };

  it('is the policy\u2019s own spelling of the Entra object id, whatever its letter case; a customer never matches', () => {
    expect(leadIdOf(policy, { id: '3f2b8c1d-5e6a-4b7c-8d9e-0a1b2c3d4e5f', isExternal: false })).toBe('teams:3F2B8C1D-5E6A-4B7C-8D9E-0A1B2C3D4E5F');
    expect(leadIdOf(policy, { id: '3f2b8c1d-5e6a-4b7c-8d9e-0a1b2c3d4e5f', isExternal: true })).not.toMatch(/^teams:/);
    expect(leadIdOf(policy, { id: 'aad-sam', isExternal: false })).toBe('teams:aad-sam');
  });
});
