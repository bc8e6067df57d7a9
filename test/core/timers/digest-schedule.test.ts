import { describe, expect, it } from 'vitest';
import { latestDigestSlot } from '../../../src/core/timers/digest-schedule.js';

describe('latestDigestSlot', () => {
  it('is the latest configured weekday and hour at or before now, in UTC', () => {
    const wednesday = Date.UTC(2025, 0, 8, 12);
    expect(new Date(latestDigestSlot(wednesday, { enabled: true, weekday: 'mon', hour: 9, timezone: 'UTC' })).toISOString()).toBe('2025-01-06T09:00:00.000Z');
  });

  it('goes back a week when today is the day but the hour has not come', () => {
    const mondayEarly = Date.UTC(2025, 0, 6, 8);
    expect(new Date(latestDigestSlot(mondayEarly, { enabled: true, weekday: 'mon', hour: 9, timezone: 'UTC' })).toISOString()).toBe('2024-12-30T09:00:00.000Z');
  });

  it('reads weekday and hour in the configured timezone', () => {
    // 2025-01-06 23:30 UTC is already Tuesday 08:30 in Tokyo (UTC+9).
    const at = Date.UTC(2025, 0, 6, 23, 30);
    const slot = latestDigestSlot(at, { enabled: true, weekday: 'tue', hour: 8, timezone: 'Asia/Tokyo' });
    expect(new Date(slot).toISOString()).toBe('2025-01-06T23:00:00.000Z');
  });
});
