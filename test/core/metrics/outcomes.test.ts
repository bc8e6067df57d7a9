import { describe, expect, it } from 'vitest';
import { figures, healthRatio } from '../../../src/core/metrics/figures.js';
import { classifyConversation } from '../../../src/core/metrics/outcomes.js';
import { conversation, DAY, escalation, HOUR, MIN, RULES, T0 } from './outcome-fixtures.js';

const at = (minutes: number) => T0 + minutes * MIN;

describe('resolved by Baton', () => {
  it('counts an answer followed by a quiet day as resolved at the end of the quiet period', () => {
    const o = classifyConversation(conversation([[0, 'customer'], [1, 'bot']]), [], at(1) + 25 * HOUR, RULES);
    expect(o).toMatchObject({ kind: 'resolved_by_baton', settled: true, fcr: true, reopened: false, resolutions: [at(1) + 24 * HOUR] });
    expect(o.held).toBeUndefined();
  });

  it('counts a thank-you as the customer confirming, at once', () => {
    const o = classifyConversation(conversation([[0, 'customer'], [1, 'bot'], [3, 'thanks']]), [], at(10), RULES);
    expect(o).toMatchObject({ kind: 'resolved_by_baton', resolutions: [at(3)], fcr: true });
  });

  it('is still in progress while the customer may come back', () => {
    const o = classifyConversation(conversation([[0, 'customer'], [1, 'bot']]), [], at(60), RULES);
    expect(o).toMatchObject({ kind: 'in_progress', settled: false, resolutions: [] });
  });

  it('takes a follow-up inside the quiet period as the same contact, not a reopen', () => {
    const o = classifyConversation(conversation([[0, 'customer'], [1, 'bot'], [30, 'customer'], [31, 'bot']]), [], at(31) + DAY, RULES);
    expect(o).toMatchObject({ kind: 'resolved_by_baton', resolutions: [at(31) + DAY], reopened: false, fcr: true });
  });

  it('marks a resolution as held once a week passed without the customer coming back', () => {
    const o = classifyConversation(conversation([[0, 'customer'], [1, 'bot'], [2, 'thanks']]), [], at(2) + 8 * DAY, RULES);
    expect(o).toMatchObject({ held: true, fcr: true });
  });
});

describe('escalated', () => {
  it('calls an AI-initiated handoff healthy', () => {
    const o = classifyConversation(conversation([[0, 'customer']]), [escalation('low_confidence', 1)], at(5), RULES);
    expect(o).toMatchObject({ kind: 'escalated', category: 'billing', escalation: { initiator: 'ai', health: 'healthy' }, settled: false });
  });

  it('does not call it frustration when the customer asked for a human before any bot answer', () => {
    const o = classifyConversation(conversation([[0, 'customer']]), [escalation('human_phrase', 1, { resolvedMin: 90 })], at(100), RULES);
    expect(o.escalation).toEqual({ trigger: 'human_phrase', initiator: 'customer', health: 'direct' });
    expect(o).toMatchObject({ kind: 'escalated', settled: true, fcr: true });
  });

  it('calls a customer escaping after a bot answer frustrated', () => {
    const o = classifyConversation(conversation([[0, 'customer'], [1, 'bot']]), [escalation('human_button', 3)], at(5), RULES);
    expect(o.escalation?.health).toBe('frustrated');
  });

  it('counts a conversation Baton had settled and that later escalated once, as escalated and reopened', () => {
    const facts = conversation([[0, 'customer'], [1, 'bot'], [1 + 2 * 24 * 60, 'customer']]);
    const o = classifyConversation(facts, [escalation('human_button', 2 + 2 * 24 * 60)], at(3 + 2 * 24 * 60), RULES);
    expect(o).toMatchObject({ kind: 'escalated', reopened: true, fcr: false, escalation: { health: 'frustrated' } });
  });

  it('reopens an escalation the customer came back to within the week, even after a good CSAT rating', () => {
    const facts = conversation([[0, 'customer'], [200, 'customer']]);
    const closed = escalation('low_confidence', 1, { claimedMin: 5, resolvedMin: 60 });
    const o = classifyConversation(facts, [closed], at(300), RULES);
    expect(o).toMatchObject({ kind: 'escalated', reopened: true, settled: false, fcr: false });
    const f = figures([{ outcome: o, rating: 5 }]);
    expect(f).toMatchObject({ reopened: 1, fcr: 0, csat: { rated: 1, satisfied: 1, score: 1 } });
  });

  it('does not take a thank-you after the close as a reopen', () => {
    const facts = conversation([[0, 'customer'], [70, 'thanks']]);
    const o = classifyConversation(facts, [escalation('low_confidence', 1, { resolvedMin: 60 })], at(80), RULES);
    expect(o).toMatchObject({ reopened: false, settled: true, fcr: true });
  });

  it('does not take a message after the reopen window as a reopen', () => {
    const facts = conversation([[0, 'customer'], [60 + 8 * 24 * 60, 'customer']]);
    const o = classifyConversation(facts, [escalation('sentiment', 1, { resolvedMin: 60 })], at(61 + 8 * 24 * 60), RULES);
    expect(o).toMatchObject({ reopened: false, held: true, settled: false });
  });
});

describe('other kinds', () => {
  it('leaves smalltalk-only threads out of every rate', () => {
    const o = classifyConversation(conversation([[0, 'thanks']], { category: '' }), [], at(5), RULES);
    expect(o.kind).toBe('not_a_matter');
    expect(figures([{ outcome: o }]).matters).toBe(0);
  });

  it('does not count a thread only staff wrote in (an announcement) as a matter', () => {
    expect(classifyConversation(conversation([[0, 'staff']], { category: '' }), [], at(5), RULES).kind).toBe('not_a_matter');
  });

  it('counts a staff member stepping in without an escalation as handled by staff', () => {
    const o = classifyConversation(conversation([[0, 'customer'], [1, 'bot'], [2, 'staff']]), [], at(5), RULES);
    expect(o.kind).toBe('handled_by_staff');
  });
});

describe('figures over a mix', () => {
  it('counts each conversation once, so the kinds add up to the matters and the health kinds to the escalations', () => {
    const now = at(3 * 24 * 60);
    const outcomes = [
      classifyConversation(conversation([[0, 'customer'], [1, 'bot']]), [], now, RULES),
      classifyConversation(conversation([[0, 'customer'], [1, 'bot']]), [escalation('human_button', 2)], now, RULES),
      classifyConversation(conversation([[0, 'customer']]), [escalation('human_phrase', 1)], now, RULES),
      classifyConversation(conversation([[0, 'customer']]), [escalation('high_risk', 1), escalation('loop', 100)], now, RULES),
      classifyConversation(conversation([[0, 'customer'], [1, 'staff']]), [], now, RULES),
      classifyConversation(conversation([[0, 'thanks']], { category: '' }), [], now, RULES),
    ].map((outcome) => ({ outcome }));
    const f = figures(outcomes);
    expect(f.matters).toBe(5);
    expect(Object.values(f.kinds).reduce((a, b) => a + b, 0)).toBe(f.matters);
    expect(f.kinds).toEqual({ escalated: 3, handled_by_staff: 1, resolved_by_baton: 1, in_progress: 0 });
    expect(f.health).toEqual({ healthy: 1, frustrated: 1, direct: 1 });
    expect(f.escalationRate).toBeCloseTo(3 / 5);
    expect(healthRatio(f)).toBe(1);
  });
});
