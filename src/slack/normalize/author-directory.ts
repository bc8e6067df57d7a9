import type { Policy } from '../../config/policy-schema.js';
import type { Author } from '../../core/model/message.js';
import type { Logger } from '../../core/ports/logger.js';
import { LruCache } from '../../core/triage/lru-cache.js';
import type { SlackCaller } from '../gateway/slack-caller.js';

interface SlackUser {
  id: string;
  team_id?: string;
  name?: string;
  is_bot?: boolean;
  real_name?: string;
  profile?: { display_name?: string; real_name?: string };
  enterprise_user?: { enterprise_id?: string };
}

const TTL_MS = 60 * 60 * 1000;
/** Users remembered at once; the least recently seen are forgotten first. */
const CAPACITY = 5000;

interface Cached {
  user: SlackUser | undefined;
  at: number;
}

/**
 * Tells staff from customers (platform-facts §2.2): a user is staff iff their team is one of the
 * vendor's workspaces (or their Enterprise Grid org is the vendor's). Anyone we cannot look up is a
 * customer, so a failed lookup never lets a customer act as staff.
 *
 * When the payload names a customer's team (Slack Connect events carry `user_team`) that decides it
 * without a call on the answer path; the display name is fetched in the background for later messages.
 * Otherwise one `users.info` per user is in flight at a time, and its answer is cached (LRU, 1 h).
 */
export class AuthorDirectory {
  private readonly cache = new LruCache<Cached>(CAPACITY);
  private readonly inFlight = new Map<string, Promise<SlackUser | undefined>>();

  constructor(
    private readonly policy: Policy,
    private readonly slack: SlackCaller,
    private readonly log: Logger,
  ) {}

  private isVendorTeam(teamId: string | undefined): boolean {
    return !!teamId && this.policy.slack.team_ids.includes(teamId);
  }

  /** `teamHint` is what the payload says (event.user_team, user.team_id); it is trusted when present. */
  async author(userId: string, teamHint?: string): Promise<Author> {
    const cached = this.fresh(userId);
    // A customer named by the payload is answered at once, the name fetched for later. Staff are looked
    // up (a claim shows their name), and so is anyone an Enterprise Grid org might make staff.
    const customerByHint = !!teamHint && !this.isVendorTeam(teamHint) && this.policy.slack.enterprise_ids.length === 0;
    let user = cached?.user;
    if (!cached && customerByHint) void this.lookup(userId);
    else if (!cached) user = await this.lookup(userId);
    const name = user?.profile?.display_name || user?.real_name || user?.profile?.real_name || user?.name;
    const team = teamHint ?? user?.team_id;
    const enterprise = user?.enterprise_user?.enterprise_id;
    const internal = this.isVendorTeam(team) || (!!enterprise && this.policy.slack.enterprise_ids.includes(enterprise));
    return { id: userId, isExternal: !internal, ...(name ? { name } : {}) };
  }

  private fresh(userId: string): Cached | undefined {
    const hit = this.cache.get(userId);
    return hit && Date.now() - hit.at < TTL_MS ? hit : undefined;
  }

  private lookup(userId: string): Promise<SlackUser | undefined> {
    const pending = this.inFlight.get(userId);
    if (pending) return pending;
    const call = this.slack
      .call<{ user?: SlackUser }>('users.info', { user: userId })
      .then((res) => {
        this.cache.set(userId, { user: res.user, at: Date.now() });
        return res.user;
      })
      .catch((err: unknown) => {
        this.log.warn({ err, user: userId }, 'users.info failed; treating the user as a customer');
        return undefined;
      })
      .finally(() => this.inFlight.delete(userId));
    this.inFlight.set(userId, call);
    return call;
  }
}
