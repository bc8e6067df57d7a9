import { ErrorCode, type WebClient } from '@slack/web-api';
import type { Logger } from '../../core/ports/logger.js';
import { createLimiterFactory, type KeyedLimiter, type LimiterFactory } from '../../infra/limits/limiter-factory.js';
import { channelLimiters, methodLimiters, POSTING } from './slack-limiters.js';

/** 429s in a row after which the caller gives up on one call (the delivery runner tries it again later). */
const MAX_RATE_LIMIT_RETRIES = 20;

interface RateLimitedError {
  code: string;
  retryAfter: number;
}

function isRateLimited(err: unknown): err is RateLimitedError {
  return (err as { code?: string } | null)?.code === ErrorCode.RateLimitedError;
}

/**
 * Every outbound Slack call goes through here: posts through a per-channel limiter, other methods
 * through their tier's limiter (slack-limiters.ts). A 429 pauses that method, for every channel, until
 * its Retry-After has passed, then the call is tried again; the WebClient itself neither retries nor
 * queues, so a post is never sent twice (platform-facts §3.3).
 */
export class SlackCaller {
  private readonly methods: KeyedLimiter;
  private readonly channels: KeyedLimiter;
  private readonly pausedUntil = new Map<string, number>();

  constructor(
    private readonly client: WebClient,
    private readonly log: Logger,
    limiters: LimiterFactory = createLimiterFactory(undefined, log),
  ) {
    this.methods = methodLimiters(limiters);
    this.channels = channelLimiters(limiters);
  }

  /** `beforeSend` runs inside the limiter's slot, right before the request goes out. */
  async call<T = Record<string, unknown>>(method: string, args: Record<string, unknown>, beforeSend?: () => Promise<void>): Promise<T> {
    const channel = POSTING.has(method) && typeof args.channel === 'string' ? args.channel : undefined;
    const [limiter, key] = channel ? [this.channels, channel] : [this.methods, method];
    for (let attempt = 0; ; attempt++) {
      try {
        return (await limiter.schedule(key, () => this.send(method, args, beforeSend))) as T;
      } catch (err) {
        if (!isRateLimited(err) || attempt >= MAX_RATE_LIMIT_RETRIES) throw err;
        this.log.warn({ method, channel, retryAfter: err.retryAfter, attempt }, 'Slack rate limited the call; waiting for Retry-After');
      }
    }
  }

  /** Waits out a Retry-After Slack gave this method, then calls once; a 429 sets the pause for everyone. */
  private async send(method: string, args: Record<string, unknown>, beforeSend?: () => Promise<void>): Promise<unknown> {
    for (let wait = (this.pausedUntil.get(method) ?? 0) - Date.now(); wait > 0; wait = (this.pausedUntil.get(method) ?? 0) - Date.now()) {
      await new Promise((r) => setTimeout(r, wait));
    }
    await beforeSend?.();
    try {
      return await this.client.apiCall(method, args);
    } catch (err) {
      if (isRateLimited(err)) this.pausedUntil.set(method, Math.max(this.pausedUntil.get(method) ?? 0, Date.now() + err.retryAfter * 1000));
      throw err;
    }
  }

  async stop(): Promise<void> {
    await Promise.all([this.methods.stop(), this.channels.stop()]);
  }
}
