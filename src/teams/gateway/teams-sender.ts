import type { Activity, ConversationParameters, ConversationReference } from '@microsoft/agents-activity';
import type { CloudAdapter, TurnContext } from '@microsoft/agents-hosting';
import type { Logger } from '../../core/ports/logger.js';
import type { KeyedLimiter, LimiterFactory, LimitShape } from '../../infra/limits/limiter-factory.js';

/**
 * Sends per thread (platform-facts §6.5: 7 in 1 s, 8 in 2 s, 60 in 30 s, 1800 an hour). In one process a
 * burst of 7, then one every 2.01 s, which keeps under every bucket at once (7 + 3600 / 2.01 = 1798 an
 * hour). Across instances, windows of 3 sends in 6 s: two windows back to back are 6 sends, under 7 in
 * 1 s and 8 in 2 s, and 1,800 an hour.
 */
const THREAD_BUCKET: LimitShape = {
  local: { maxConcurrent: 1, reservoir: 7, reservoirIncreaseAmount: 1, reservoirIncreaseInterval: 2010, reservoirIncreaseMaximum: 7 },
  shared: { points: 3, seconds: 6 },
};
/** Statuses the Bot Connector asks to be retried (platform-facts §6.5), and its plain server errors. */
const RETRYABLE = new Set([412, 429, 500, 502, 503, 504]);
const MAX_ATTEMPTS = 5;
const MAX_WAIT_MS = 60_000;

export interface SenderOptions {
  /** One attempt is abandoned after this long: the SDK's fetch has no timeout of its own. */
  timeoutMs: number;
  /** First backoff when the connector names no Retry-After; doubles each attempt. */
  backoffMs: number;
}

interface HttpFailure {
  status?: number;
  response?: { headers?: { get?(name: string): string | null } };
}

function retryAfterMs(err: HttpFailure): number | undefined {
  const header = err.response?.headers?.get?.('retry-after');
  const seconds = header ? Number(header) : Number.NaN;
  return Number.isFinite(seconds) ? Math.min(seconds * 1000, MAX_WAIT_MS) : undefined;
}

class AttemptTimeout extends Error {}

/**
 * Every outbound Teams call goes through here, as a proactive turn on the stored conversation
 * reference: one limiter per thread at Teams' rate (clustered through Redis when several instances share
 * one, so the rate is Baton's in total), and a retry on 429, 412 and 5xx that honours Retry-After (the
 * SDK gives up after one attempt), with a timeout on each attempt.
 */
export class TeamsSender {
  private readonly threads: KeyedLimiter;

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly log: Logger,
    limiters: LimiterFactory,
    private readonly options: SenderOptions = { timeoutMs: 15_000, backoffMs: 1000 },
  ) {
    this.threads = limiters.keyed('teams-thread', () => THREAD_BUCKET);
  }

  /** Posts in the reference's thread and returns the new activity id. */
  async send(reference: ConversationReference, activity: Partial<Activity>): Promise<string> {
    return this.turn(reference, async (ctx) => (await ctx.sendActivity(activity as Activity))?.id ?? '');
  }

  /**
   * Opens a new thread in the channel the reference names (Teams' createConversation with the channel
   * in channelData, platform-facts §6.3) and returns its root post's id.
   */
  async startThread(reference: ConversationReference, activity: Partial<Activity>): Promise<string> {
    return this.turn(reference, async (ctx) => {
      const client = ctx.turnState.get(ctx.adapter.ConnectorClientKey) as { createConversation(body: ConversationParameters): Promise<{ id?: string; activityId?: string }> };
      const created = await client.createConversation({
        isGroup: true,
        channelData: { channel: { id: reference.conversation.id } },
        activity: activity as Activity,
        ...(reference.agent ? { agent: reference.agent } : {}),
        ...(reference.conversation.tenantId ? { tenantId: reference.conversation.tenantId } : {}),
      });
      const root = created.activityId ?? /;messageid=(\d+)$/.exec(created.id ?? '')?.[1];
      if (!root) throw new Error('the Bot Connector opened a thread but named no root post');
      return root;
    });
  }

  /** Replaces a message Baton posted (the rating buttons once someone rated). */
  async update(reference: ConversationReference, activityId: string, activity: Partial<Activity>): Promise<void> {
    await this.turn(reference, async (ctx) => {
      await ctx.updateActivity({ ...activity, id: activityId, conversation: reference.conversation } as Activity);
    });
  }

  /**
   * One member of the reference's conversation (GET …/members/{userId}; the Bot Connector takes a `29:` id
   * or an Entra object id). One attempt, outside the send limiters: look-ups have a budget of their own
   * (platform-facts §6.5), and a caller that cannot wait for retries decides what a failure means.
   */
  async member(reference: ConversationReference, userId: string): Promise<{ name?: string }> {
    return this.attempt(reference, (ctx) => {
      const client = ctx.turnState.get(ctx.adapter.ConnectorClientKey) as { getConversationMember(u: string, c: string): Promise<{ name?: string }> };
      return client.getConversationMember(userId, reference.conversation.id);
    });
  }

  async stop(): Promise<void> {
    await this.threads.stop();
  }

  private async turn<T>(reference: ConversationReference, work: (ctx: TurnContext) => Promise<T>): Promise<T> {
    const thread = reference.conversation?.id ?? '';
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.threads.schedule(thread, () => this.attempt(reference, work));
      } catch (err) {
        const status = (err as HttpFailure).status;
        const retryable = err instanceof AttemptTimeout || status === undefined || RETRYABLE.has(status);
        // Teams answered and declined (403 bot not in the team, 404 no such conversation): nothing went out.
        if (!retryable && status !== undefined && status >= 400 && status < 500) throw Object.assign(err as object, { refused: true });
        if (!retryable || attempt >= MAX_ATTEMPTS) throw err;
        const wait = retryAfterMs(err as HttpFailure) ?? this.options.backoffMs * 2 ** (attempt - 1) * (1 + Math.random() / 2);
        this.log.warn({ status, attempt, waitMs: Math.round(wait), thread }, 'Teams call failed; retrying');
        await new Promise((r) => setTimeout(r, wait));
      }
    }
  }

  private attempt<T>(reference: ConversationReference, work: (ctx: TurnContext) => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new AttemptTimeout(`no answer from the Bot Connector within ${this.options.timeoutMs} ms`)), this.options.timeoutMs);
    });
    const run = new Promise<T>((resolve, reject) => {
      this.adapter.continueConversation(this.appId, reference, async (ctx) => resolve(await work(ctx))).catch(reject);
    });
    return Promise.race([run, timeout]).finally(() => clearTimeout(timer));
  }
}
