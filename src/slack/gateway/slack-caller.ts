import type Bottleneck from 'bottleneck';
import { ErrorCode, type WebClient } from '@slack/web-api';
import type { Logger } from '../../core/ports/logger.js';
import { createLimiterFactory, type LimiterFactory } from '../../infra/limits/limiter-factory.js';

/** Calls per minute by Slack rate-limit tier (platform-facts §3.1); bursts allowed up to a few seconds' worth. */
const TIER_PER_MINUTE: Record<string, number> = {
  'chat.postMessage': 300,
  'chat.postEphemeral': 100,
  'chat.update': 50,
  'chat.getPermalink': 100,
  'users.info': 100,
  'views.open': 100,
  'views.update': 100,
  'views.publish': 100,
  'conversations.info': 50,
  'files.getUploadURLExternal': 20,
  'files.completeUploadExternal': 20,
};
const POSTING = new Set(['chat.postMessage', 'chat.postEphemeral']);
const MAX_RATE_LIMIT_RETRIES = 5;

function bucket(perMinute: number, burst: number): Bottleneck.ConstructorOptions {
  const every = Math.max(1, Math.floor(60_000 / perMinute));
  return { reservoir: burst, reservoirIncreaseAmount: 1, reservoirIncreaseInterval: every, reservoirIncreaseMaximum: burst, maxConcurrent: 10 };
}

interface RateLimitedError {
  code: string;
  retryAfter: number;
}

function isRateLimited(err: unknown): err is RateLimitedError {
  return (err as { code?: string } | null)?.code === ErrorCode.RateLimitedError;
}

/**
 * Every outbound Slack call goes through here: a bottleneck limiter per method and, for posts, per
 * channel (1 message a second with a short burst). A 429 waits for its Retry-After and is tried again;
 * the WebClient itself neither retries nor queues, so a post is never sent twice (platform-facts §3.3).
 */
export class SlackCaller {
  private readonly methods: Bottleneck.Group;
  private readonly channels: Bottleneck.Group;

  constructor(
    private readonly client: WebClient,
    private readonly log: Logger,
    limiters: LimiterFactory = createLimiterFactory(undefined, log),
  ) {
    // The same ids on every instance: clustered through Redis, the rates hold across all of them.
    this.methods = limiters.group('slack-method', {});
    this.channels = limiters.group('slack-channel', bucket(60, 4));
    this.methods.on('created', (limiter, method) => limiter.updateSettings(bucket(TIER_PER_MINUTE[method] ?? 50, 10)));
  }

  async call<T = Record<string, unknown>>(method: string, args: Record<string, unknown>): Promise<T> {
    const channel = POSTING.has(method) && typeof args.channel === 'string' ? args.channel : undefined;
    for (let attempt = 0; ; attempt++) {
      try {
        const run = () => this.methods.key(method).schedule(() => this.client.apiCall(method, args));
        const result = channel ? await this.channels.key(channel).schedule(run) : await run();
        return result as T;
      } catch (err) {
        if (!isRateLimited(err) || attempt >= MAX_RATE_LIMIT_RETRIES) throw err;
        this.log.warn({ method, retryAfter: err.retryAfter, attempt }, 'Slack rate limited the call; waiting for Retry-After');
        await new Promise((r) => setTimeout(r, err.retryAfter * 1000));
      }
    }
  }

  async stop(): Promise<void> {
    await Promise.all([...this.methods.limiters(), ...this.channels.limiters()].map(({ limiter }) => limiter.stop({ dropWaitingJobs: false })));
  }
}
