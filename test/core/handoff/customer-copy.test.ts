import { describe, expect, it } from 'vitest';
import { fillCopy, humanDuration } from '../../../src/core/handoff/customer-copy.js';

describe('the time promised to a customer', () => {
  it.each([
    [1, '1 minute'],
    [45, '45 minutes'],
    [60, '1 hour'],
    [80, '80 minutes'],
    [120, '2 hours'],
    [150, '3 hours'],
    [24 * 60, '24 hours'],
    [3000, '3 days'],
  ])('%i minutes reads "%s", never shorter than the SLA', (minutes, text) => {
    expect(humanDuration(minutes)).toBe(text);
  });

  it('fills known placeholders and leaves unknown ones visible to be fixed', () => {
    expect(fillCopy('our {role} within {sla}, {oops}', { role: 'billing specialist', sla: '2 hours' })).toBe('our billing specialist within 2 hours, {oops}');
  });
});
