import type { Activity, Mention } from '@microsoft/agents-activity';
import { teamsLeadId } from '../teams-references.js';
import type { Logger } from '../../core/ports/logger.js';
import { LruCache } from '../../core/triage/lru-cache.js';
import type { QueueReferences } from './queue-references.js';
import type { TeamsSender } from './teams-sender.js';

const TTL_MS = 60 * 60 * 1000;
/** Names remembered at once: leads are few, so this only bounds a policy that names thousands. */
const CAPACITY = 1000;

const escapeMarkup = (text: string) => text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);

/** A message that mentions each person in front of the text: `<at>Name</at>`, and Teams' mention entity for each. */
export function mentionActivity(text: string, people: { id: string; name: string }[]): Partial<Activity> {
  const mentions: Mention[] = people.map((p) => ({ type: 'mention', text: `<at>${escapeMarkup(p.name)}</at>`, mentioned: { id: p.id, name: p.name } }));
  const body = [...mentions.map((m) => m.text), escapeMarkup(text)].join(' ');
  return { type: 'message', text: body, entities: mentions } as unknown as Partial<Activity>;
}

/**
 * The Teams users among a queue's leads, each with the display name the Bot Connector's member look-up
 * gives in the queue's channel (remembered for an hour). A lead the look-up cannot find, or a look-up that
 * fails, is named by the object id: Teams still notifies the person, and the reminder still goes out.
 */
export class LeadMentions {
  private readonly names = new LruCache<{ name: string; at: number }>(CAPACITY);

  constructor(
    private readonly sender: TeamsSender,
    private readonly queues: QueueReferences,
    private readonly log: Logger,
  ) {}

  async resolve(channel: string, leads: string[]): Promise<{ id: string; name: string }[]> {
    const ids = [...new Set(leads.flatMap((l) => teamsLeadId(l)?.toLowerCase() ?? []))];
    return Promise.all(ids.map(async (id) => ({ id, name: (await this.name(channel, id)) ?? id })));
  }

  private async name(channel: string, id: string): Promise<string | undefined> {
    const cached = this.names.get(id);
    if (cached && Date.now() - cached.at < TTL_MS) return cached.name;
    try {
      const { name } = await this.sender.member(await this.queues.channel(channel), id);
      if (name) this.names.set(id, { name, at: Date.now() });
      return name;
    } catch (err) {
      this.log.warn({ err, lead: id, channel }, 'Teams member look-up for a queue lead failed; the reminder names the lead by id');
      return undefined;
    }
  }
}
