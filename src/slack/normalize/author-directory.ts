import type { Policy } from '../../config/policy-schema.js';
import type { Author } from '../../core/model/message.js';
import type { Logger } from '../../core/ports/logger.js';
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

/**
 * Tells staff from customers (platform-facts §2.2): a user is staff iff their team is one of the
 * vendor's workspaces (or their Enterprise Grid org is the vendor's). Anyone we cannot look up is a
 * customer, so a failed lookup never lets a customer act as staff.
 */
export class AuthorDirectory {
  private readonly cache = new Map<string, { user: SlackUser | undefined; at: number }>();

  constructor(
    private readonly policy: Policy,
    private readonly slack: SlackCaller,
    private readonly log: Logger,
  ) {}

  private isVendorTeam(teamId: string | undefined): boolean {
    return !!teamId && this.policy.vendor.team_ids.includes(teamId);
  }

  /** `teamHint` is what the payload says (event.user_team, user.team_id); it is trusted when present. */
  async author(userId: string, teamHint?: string): Promise<Author> {
    const user = await this.lookup(userId);
    const name = user?.profile?.display_name || user?.real_name || user?.profile?.real_name || user?.name;
    const team = teamHint ?? user?.team_id;
    const enterprise = user?.enterprise_user?.enterprise_id;
    const internal = this.isVendorTeam(team) || (!!enterprise && this.policy.vendor.enterprise_ids.includes(enterprise));
    return { id: userId, isExternal: !internal, ...(name ? { name } : {}) };
  }

  private async lookup(userId: string): Promise<SlackUser | undefined> {
    const hit = this.cache.get(userId);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.user;
    try {
      const res = await this.slack.call<{ user?: SlackUser }>('users.info', { user: userId });
      this.cache.set(userId, { user: res.user, at: Date.now() });
      return res.user;
    } catch (err) {
      this.log.warn({ err, user: userId }, 'users.info failed; treating the user as a customer');
      return undefined;
    }
  }
}
