import { describe, expect, it } from 'vitest';
import { pageContext } from '../../../src/core/routing/page-context.js';
import { routeEscalation } from '../../../src/core/routing/route-escalation.js';

const queue = (id: string) => ({ id, channel: `C${id.toUpperCase()}`, role: id, sla_minutes: 60, leads: [] });
const policy = {
  queues: [queue('support'), queue('billing'), queue('security'), queue('vip')],
  routing: {
    default_queue: 'support',
    rules: [
      { when: { categories: ['data_privacy_security'] }, queue: 'security' },
      { when: { categories: ['billing'], tiers: ['enterprise'] }, queue: 'vip' },
      { when: { page: '/billing' }, queue: 'billing' },
    ],
  },
};

describe('routing', () => {
  it('sends a matching category to its queue', () => {
    expect(routeEscalation(policy, { category: 'data_privacy_security', accountTier: 'growth', initiator: 'ai' }).queue.id).toBe('security');
  });

  it('needs every condition of a rule to hold', () => {
    expect(routeEscalation(policy, { category: 'billing', accountTier: 'enterprise', initiator: 'ai' }).queue.id).toBe('vip');
    expect(routeEscalation(policy, { category: 'billing', accountTier: 'growth', initiator: 'ai' })).toMatchObject({ queue: { id: 'support' }, rule: null });
  });

  it('routes on the page the customer was on', () => {
    expect(routeEscalation(policy, { category: 'how_to', accountTier: 'growth', page: 'app.example.com/billing/plans', initiator: 'customer' }).queue.id).toBe('billing');
  });
});

describe('page context', () => {
  const turn = (role: 'customer' | 'bot', text: string) => ({ role, text, at: 0 });

  it('takes the latest product URL a customer shared, without query string', () => {
    const turns = [turn('customer', 'on https://app.example.com/settings/sso'), turn('customer', 'now https://app.example.com/billing/invoices?token=secret#x')];
    expect(pageContext(turns, ['example.com'])).toBe('app.example.com/billing/invoices');
  });

  it('ignores links that are not the product and links the bot posted', () => {
    const turns = [turn('customer', 'see https://news.other.org/a'), turn('bot', 'read https://app.example.com/docs')];
    expect(pageContext(turns, ['example.com'])).toBeUndefined();
  });
});
