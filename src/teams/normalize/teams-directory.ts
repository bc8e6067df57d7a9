import type { Activity } from '@microsoft/agents-activity';
import type { ConnectorClient, TurnContext } from '@microsoft/agents-hosting';
import type { Policy } from '../../config/policy-schema.js';
import type { Author } from '../../core/model/message.js';
import type { Logger } from '../../core/ports/logger.js';
import { LruCache } from '../../core/triage/lru-cache.js';
import { teamsRef } from './teams-activity.js';

const TTL_MS = 60 * 60 * 1000;
/** People remembered at once; the least recently seen are forgotten first. */
const CAPACITY = 5000;

interface Member {
  id?: string;
  aadObjectId?: string;
  tenantId?: string;
  name?: string;
}

/** Who can be picked for an escalation: a staff member of the queue's team, by the id Baton knows them by. */
export interface Teammate {
  id: string;
  name: string;
}

/** The Bot Connector's largest page of members. */
const PAGE_SIZE = 500;
/** Pages read at most (10,000 members, Teams' own cap on a member list); the picker shows 100 of them anyway. */
const MAX_PAGES = 20;

interface Cached {
  member: Member;
  at: number;
}

/**
 * Tells staff from customers by the sender's own tenant (teams-agents-sdk.md §4.2): members of one of
 * the vendor's tenants are staff, everyone else a customer. The conversation's tenant is never used:
 * in a shared channel it is the host's. The member look-up is cached by Entra object id (LRU, 1 h).
 */
export class TeamsDirectory {
  private readonly cache = new LruCache<Cached>(CAPACITY);

  constructor(
    private readonly policy: Policy,
    private readonly log: Logger,
  ) {}

  async author(ctx: TurnContext): Promise<Author> {
    const from = ctx.activity.from;
    const id = from?.aadObjectId ?? from?.id ?? '';
    const cached = this.cache.get(id);
    const member = cached && Date.now() - cached.at < TTL_MS ? cached.member : await this.lookup(ctx);
    if (!cached || cached.member !== member) this.cache.set(id, { member, at: Date.now() });
    return { id, name: member.name ?? from?.name, isExternal: !this.isStaff(member) };
  }

  /**
   * The staff among the members of the team this turn came from (GET …/pagedmembers, page by page), by
   * name: whom a packet in a queue channel (a standard channel: its members are the team's) can be
   * assigned to. Throws when Teams does not answer.
   */
  async staff(ctx: TurnContext): Promise<Teammate[]> {
    const roster = rosterOf(ctx.activity);
    const members: Member[] = [];
    let token: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const params = { pageSize: String(PAGE_SIZE), ...(token ? { continuationToken: token } : {}) };
      const { data } = await connector(ctx).httpClient.get<{ members?: Member[]; continuationToken?: string }>(`v3/conversations/${roster}/pagedmembers`, { params });
      members.push(...(data.members ?? []));
      token = data.continuationToken;
      if (!token) break;
    }
    return members
      .filter((m) => this.isStaff(m))
      .flatMap((m) => {
        const id = m.aadObjectId ?? m.id;
        return id ? [{ id, name: m.name ?? id }] : [];
      })
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /**
   * One person of the team this turn came from, by Entra object id: a teammate picked on a card is
   * looked up again, so a forged pick is judged by Teams' word, not the card's. Undefined when not a member.
   */
  async member(ctx: TurnContext, id: string): Promise<Author | undefined> {
    try {
      const member = await connector(ctx).getConversationMember(id, rosterOf(ctx.activity));
      return { id: member.aadObjectId ?? id, name: member.name, isExternal: !this.isStaff(member) };
    } catch (err) {
      if ((err as { status?: number }).status === 404) return undefined;
      throw err;
    }
  }

  private isStaff(member: Member): boolean {
    return member.tenantId !== undefined && this.policy.teams.tenant_ids.includes(member.tenantId);
  }

  /** A failed look-up falls back to the tenant Teams put on the sender, and throws without one (Teams then redelivers). */
  private async lookup(ctx: TurnContext): Promise<Member> {
    const from = ctx.activity.from;
    try {
      const member = await getMember(ctx);
      return { tenantId: member.tenantId ?? from?.tenantId, name: member.name ?? from?.name };
    } catch (err) {
      if (!from?.tenantId) throw err;
      this.log.warn({ err, user: from.id }, 'Teams member look-up failed; using the tenant on the message');
      return { tenantId: from.tenantId, name: from.name };
    }
  }
}

/**
 * The sender as a member of the team (or of the chat, outside a team): GET
 * v3/conversations/{team or conversation}/members/{user} through the turn's own connector client, the
 * request the deprecated Teams extension package's TeamsInfo.getMember made, without its strict channelData
 * parser (which rejected channel types newer than the SDK).
 */
async function getMember(ctx: TurnContext): Promise<Member> {
  return connector(ctx).getConversationMember(ctx.activity.from?.id ?? '', teamId(ctx.activity) ?? ctx.activity.conversation?.id ?? '');
}

/** Whose members a press may pick from: the team, as TeamsInfo.getPagedMembers asks; outside a team, the channel or chat. */
function rosterOf(activity: Activity): string {
  return teamId(activity) ?? teamsRef(activity)?.channel ?? '';
}

/** The turn's own Bot Connector client, already pointed at the activity's serviceUrl with its token. */
function connector(ctx: TurnContext): ConnectorClient {
  return ctx.turnState.get(ctx.adapter.ConnectorClientKey) as ConnectorClient;
}

function teamId(activity: Activity): string | undefined {
  const team = (activity.channelData as { team?: { id?: unknown } } | undefined)?.team;
  return typeof team?.id === 'string' ? team.id : undefined;
}
