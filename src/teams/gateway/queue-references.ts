import type { Activity, ConversationReference } from '@microsoft/agents-activity';
import type Keyv from 'keyv';

/**
 * Microsoft's documented service URL for a bot that has not heard from a tenant yet (platform-facts
 * §6.3); the URL a tenant's own activities carry replaces it once one arrives.
 */
export const GLOBAL_SERVICE_URL = 'https://smba.trafficmanager.net/teams/';

/** Where a packet lives in a Teams queue channel: the channel, and the root post of its thread. */
export interface ThreadPlace {
  channel: string;
  root: string;
}

/**
 * References for the vendor's own Teams channels (the specialist queues), where no customer ever wrote
 * first. Every activity from a conversation the vendor's tenant hosts (the app's install in the team, a
 * click on a packet card, a message in a shared channel the vendor hosts) teaches that tenant's service
 * URL; a queue channel is then reached through it.
 */
export class QueueReferences {
  private readonly known = new Map<string, string>();

  constructor(
    private readonly keyv: Keyv,
    private readonly tenants: readonly string[],
    /** The bot's Teams id (`28:<app id>`), the sender of every post. */
    private readonly botId: string,
  ) {}

  async learn(activity: Activity): Promise<void> {
    const tenant = activity.conversation?.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
    const url = activity.serviceUrl;
    if (!tenant || !url || !this.tenants.includes(tenant) || this.known.get(tenant) === url) return;
    await this.keyv.set(`teams-service-url:${tenant}`, url);
    this.known.set(tenant, url);
  }

  /** The channel itself: a post through it (createConversation) opens a new thread. */
  async channel(channel: string): Promise<ConversationReference> {
    const { tenant, url } = await this.serviceUrl();
    return {
      channelId: 'msteams',
      serviceUrl: url,
      agent: { id: this.botId, name: 'Baton' },
      conversation: { id: channel, isGroup: true, conversationType: 'channel', tenantId: tenant },
    } as ConversationReference;
  }

  /** One packet's thread: every send through it is a reply under the packet. */
  async thread(place: ThreadPlace): Promise<ConversationReference> {
    const base = await this.channel(place.channel);
    return { ...base, activityId: place.root, conversation: { ...base.conversation, id: `${place.channel};messageid=${place.root}` } };
  }

  /** The first vendor tenant whose service URL was learned, else the first tenant at Microsoft's global URL. */
  private async serviceUrl(): Promise<{ tenant: string; url: string }> {
    for (const tenant of this.tenants) {
      const url = this.known.get(tenant) ?? (await this.keyv.get<string>(`teams-service-url:${tenant}`));
      if (url) {
        this.known.set(tenant, url);
        return { tenant, url };
      }
    }
    return { tenant: this.tenants[0] ?? '', url: GLOBAL_SERVICE_URL };
  }
}
