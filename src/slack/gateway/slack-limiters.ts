import type { KeyedLimiter, LimiterFactory, LimitShape } from '../../infra/limits/limiter-factory.js';

/**
 * The shapes of the limiters Baton's Slack calls go through, made by the LimiterFactory (in memory, or
 * clustered through Redis with the same ids on every instance, so the rates hold across all of them).
 *
 * - Posting (chat.postMessage, chat.postEphemeral): 1 message a second per channel, Slack's documented
 *   limit, and no workspace-wide cap of our own: Slack's "several hundred a minute with a generous
 *   burst" is not a number to guess, so its 429 and Retry-After are the signal (slack-caller.ts).
 * - Other methods: their Web API tier, with a few seconds' burst (platform-facts §3.1).
 */
const TIER_PER_MINUTE: Record<string, number> = {
  'chat.update': 50,
  'chat.getPermalink': 100,
  'users.info': 100,
  'views.open': 100,
  'views.update': 100,
  'views.publish': 100,
  'conversations.info': 50,
  'conversations.replies': 50,
  'conversations.history': 50,
  'files.getUploadURLExternal': 20,
  'files.completeUploadExternal': 20,
};
const DEFAULT_PER_MINUTE = 50;
const TIER_BURST = 10;
export const POSTING = new Set(['chat.postMessage', 'chat.postEphemeral']);

/**
 * A tier's bucket of `burst` calls refilled at its rate in this process. Across instances, its rate in
 * windows of 6 s (a tenth of its minute, so a caller past the budget waits seconds, not a minute), and
 * `burst` more a minute for a burst.
 */
function tierBucket(perMinute: number, burst: number): LimitShape {
  const every = Math.max(1, Math.floor(60_000 / perMinute));
  return {
    local: { reservoir: burst, reservoirIncreaseAmount: 1, reservoirIncreaseInterval: every, reservoirIncreaseMaximum: burst, maxConcurrent: 10 },
    shared: { points: Math.max(1, Math.round(perMinute / 10)), seconds: 6, burst: { points: burst, seconds: 60 } },
  };
}

/** One limiter per channel: posts start at least a second apart, on all instances together. */
export function channelLimiters(limiters: LimiterFactory): KeyedLimiter {
  return limiters.keyed('slack-channel', () => ({ local: { maxConcurrent: 1, minTime: 1000 }, shared: { points: 1, seconds: 1 } }));
}

/** One limiter per non-posting method, at its tier's rate. */
export function methodLimiters(limiters: LimiterFactory): KeyedLimiter {
  return limiters.keyed('slack-method', (method) => tierBucket(TIER_PER_MINUTE[method] ?? DEFAULT_PER_MINUTE, TIER_BURST));
}
