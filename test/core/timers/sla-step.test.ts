import { describe, expect, it } from 'vitest';
import { dueSlaStep } from '../../../src/core/timers/sla-step.js';

const MIN = 60_000;
const open = { status: 'open' as const, openedAt: 0, dueAt: 60 * MIN };

describe('dueSlaStep', () => {
  it('nudges at half the SLA and reports the breach at the due time, each once', () => {
    expect(dueSlaStep(open, 29 * MIN)).toBeUndefined();
    expect(dueSlaStep(open, 30 * MIN)).toBe('nudged');
    expect(dueSlaStep({ ...open, nudgedAt: 30 * MIN }, 45 * MIN)).toBeUndefined();
    expect(dueSlaStep({ ...open, nudgedAt: 30 * MIN }, 60 * MIN)).toBe('breached');
    expect(dueSlaStep({ ...open, nudgedAt: 30 * MIN, breachedAt: 60 * MIN }, 90 * MIN)).toBeUndefined();
  });

  it('goes straight to the breach when Baton was down through the half-way mark', () => {
    expect(dueSlaStep(open, 70 * MIN)).toBe('breached');
  });

  it('leaves claimed and resolved escalations alone', () => {
    expect(dueSlaStep({ ...open, status: 'claimed' }, 70 * MIN)).toBeUndefined();
    expect(dueSlaStep({ ...open, status: 'resolved' }, 70 * MIN)).toBeUndefined();
  });

  it('gives a promise restarted by a move to the backup queue its own nudge and breach', () => {
    // Breached (and moved) at 60, the backup queue promised 90.
    const moved = { ...open, nudgedAt: 30 * MIN, breachedAt: 60 * MIN, dueAt: 90 * MIN };
    expect(dueSlaStep(moved, 70 * MIN)).toBeUndefined();
    expect(dueSlaStep(moved, 75 * MIN)).toBe('nudged');
    expect(dueSlaStep({ ...moved, nudgedAt: 75 * MIN }, 80 * MIN)).toBeUndefined();
    expect(dueSlaStep({ ...moved, nudgedAt: 75 * MIN }, 90 * MIN)).toBe('breached');
    expect(dueSlaStep({ ...moved, nudgedAt: 75 * MIN, breachedAt: 90 * MIN }, 120 * MIN)).toBeUndefined();
  });
});
