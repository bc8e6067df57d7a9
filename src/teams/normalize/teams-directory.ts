import type { Activity } from '@microsoft/agents-activity';
import type { TurnContext } from '@microsoft/agents-hosting';
import type { Policy } from '../../config/policy-schema.js';
import type { Author } from '../../core/model/message.js';
import type { Logger } from '../../core/ports/logger.js';
import { LruCache } from '../../core/triage/lru-cache.js';

const TTL_MS = 60 * 60 * 1000;
/** People remembered at once; the least recently seen are forgotten first. */
const CAPACITY = 5000;

interface Member {
  tenantId?: string;
  name?: string;
}

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
    const tenant = member.tenantId;
    return { id, name: member.name ?? from?.name, isExternal: !tenant || !this.policy.vendor.teams_tenant_ids.includes(tenant) };
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
  const client = ctx.turnState.get(ctx.adapter.ConnectorClientKey) as { getConversationMember(user: string, conversation: string): Promise<Member> };
  return client.getConversationMember(ctx.activity.from?.id ?? '', teamId(ctx.activity) ?? ctx.activity.conversation?.id ?? '');
}

function teamId(activity: Activity): string | undefined {
  const team = (activity.channelData as { team?: { id?: unknown } } | undefined)?.team;
  return typeof team?.id === 'string' ? team.id : undefined;
}
