import type { Policy } from '../../src/config/policy-schema.js';
import { latestDigestSlot } from '../../src/core/timers/digest-schedule.js';

const WEEK = 7 * 24 * 60 * 60 * 1000;

/**
 * The first digest slot strictly after `now`, from the product's own schedule: on a Monday before the
 * slot's hour that is today's, not next week's, so a conversation just had stays inside the digest's week.
 */
export function nextDigestSlot(now: number, digest: Policy['digest']): number {
  return latestDigestSlot(now, digest) + WEEK;
}

/** The digest both digest tests switch on: Mondays, 09:00 UTC. */
export const MONDAY_NINE_UTC: Policy['digest'] = { enabled: true, weekday: 'mon', hour: 9, timezone: 'UTC' };

/**
 * Where the digest tests start their clock: a Wednesday noon UTC, far from the Monday 09:00 slot. Started
 * at the real time, a test run on a Monday between 09:00 and the digest's late limit would see Baton post
 * that day's digest at start, before the test's conversation.
 */
export const MIDWEEK = Date.UTC(2026, 11, 9, 12, 0, 0);
