import { describe, expect, it } from 'vitest';
import { claim, release, resolve, type Escalation } from '../../../src/core/escalation/escalation.js';

const base: Escalation = {
  id: 'E-TEST',
  conversation: { platform: 'slack', channel: 'C1', thread: '1.0' },
  accountId: 'acme',
  queueId: 'support',
  category: 'billing',
  trigger: 'high_risk',
  decision: {
    action: 'escalate',
    category: 'billing',
    risk: 'high',
    trigger: 'high_risk',
    rule: 'test',
    confidence: 0,
    threshold: 1,
    complexity: 'low',
    sentiment: { label: 'neutral', frustration: 0, urgency: 0, distress: 0 },
    loop: false,
    reasons: [],
  },
  status: 'open',
  openedAt: 0,
  dueAt: 1000,
  version: 0,
  history: [],
};
const ana = { id: 'U_ANA', name: 'Ana' };
const ben = { id: 'U_BEN', name: 'Ben' };
const tags = { rootCause: 'billing_error', aiAccuracy: 'correct', automation: 'no' } as const;

describe('escalation transitions', () => {
  it('lets the first specialist claim and tells the second who owns it', () => {
    const first = claim(base, ana, 10);
    expect(first.ok && first.escalation.claimedBy).toEqual(ana);
    if (!first.ok) throw new Error('claim failed');
    expect(claim(first.escalation, ben, 11)).toEqual({ ok: false, reason: 'already_claimed', by: ana });
  });

  it('treats a second click by the owner as a no-op, not a new claim', () => {
    const first = claim(base, ana, 10);
    if (!first.ok) throw new Error('claim failed');
    const again = claim(first.escalation, ana, 12);
    expect(again.ok && again.escalation.version).toBe(first.escalation.version);
  });

  it('only lets the owner release, and a released escalation can be claimed by someone else', () => {
    const first = claim(base, ana, 10);
    if (!first.ok) throw new Error('claim failed');
    expect(release(first.escalation, ben, 11)).toMatchObject({ ok: false, reason: 'not_claimed_by_you' });
    const released = release(first.escalation, ana, 12);
    expect(released.ok && released.escalation.status).toBe('open');
    if (!released.ok) throw new Error('release failed');
    expect(claim(released.escalation, ben, 13)).toMatchObject({ ok: true, escalation: { claimedBy: ben } });
  });

  it('resolves with the three tags, keeps the first claim time, and refuses to resolve twice', () => {
    const claimed = claim(base, ana, 10);
    if (!claimed.ok) throw new Error('claim failed');
    const done = resolve(claimed.escalation, ana, tags, 50);
    expect(done).toMatchObject({ ok: true, escalation: { status: 'resolved', tags, claimedAt: 10, resolvedAt: 50 } });
    if (!done.ok) throw new Error('resolve failed');
    expect(resolve(done.escalation, ben, tags, 60)).toMatchObject({ ok: false, reason: 'already_resolved' });
    expect(claim(done.escalation, ben, 60)).toMatchObject({ ok: false, reason: 'already_resolved' });
  });

  it('closing an unclaimed escalation records the closer as its owner', () => {
    const done = resolve(base, ben, tags, 20);
    expect(done).toMatchObject({ ok: true, escalation: { claimedBy: ben, claimedAt: 20 } });
  });
});
