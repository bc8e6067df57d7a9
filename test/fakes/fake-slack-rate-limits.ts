/**
 * Slack's posting limits as the fake enforces them on chat.postMessage (platform-facts §3.1): about one
 * message a second per channel with a short burst, and a workspace-wide budget per minute with a burst
 * allowance. Over either, the call is answered 429 with the Retry-After a well-behaved client must wait.
 */
export interface BucketLimit {
  /** Tokens added per second. */
  perSecond: number;
  /** Bucket size: how many calls may go at once after a quiet spell. */
  burst: number;
}

export interface PostLimits {
  perChannel?: BucketLimit;
  workspace?: BucketLimit;
}

class Bucket {
  private tokens: number;
  private at = Date.now();

  constructor(private readonly limit: BucketLimit) {
    this.tokens = limit.burst;
  }

  /** Seconds until a token is free, refilled to now; 0 when one is there. */
  waitSeconds(now: number): number {
    this.tokens = Math.min(this.limit.burst, this.tokens + ((now - this.at) / 1000) * this.limit.perSecond);
    this.at = now;
    return this.tokens >= 1 ? 0 : (1 - this.tokens) / this.limit.perSecond;
  }

  take(): void {
    this.tokens -= 1;
  }
}

/** Decides, per post, whether it goes or is rate limited (and for how long). */
export class PostRateLimiter {
  private readonly channels = new Map<string, Bucket>();
  private workspace: Bucket | undefined;

  constructor(private limits: PostLimits = {}) {
    this.workspace = limits.workspace ? new Bucket(limits.workspace) : undefined;
  }

  set(limits: PostLimits): void {
    this.limits = limits;
    this.channels.clear();
    this.workspace = limits.workspace ? new Bucket(limits.workspace) : undefined;
  }

  /** undefined: the post may go (its tokens are taken); a number: Retry-After in whole seconds. */
  admit(channel: string, now = Date.now()): number | undefined {
    const perChannel = this.limits.perChannel;
    let bucket = this.channels.get(channel);
    if (perChannel && !bucket) {
      bucket = new Bucket(perChannel);
      this.channels.set(channel, bucket);
    }
    const wait = Math.max(bucket?.waitSeconds(now) ?? 0, this.workspace?.waitSeconds(now) ?? 0);
    if (wait > 0) return Math.max(1, Math.ceil(wait));
    bucket?.take();
    this.workspace?.take();
    return undefined;
  }
}
