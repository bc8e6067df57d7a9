import type { Activity } from '@microsoft/agents-activity';
import type { ChannelRef } from '../../core/model/conversation-ref.js';
import type { Clearance, DeliveryTag } from '../../core/ports/chat-gateway.js';
import type { IntroGateway } from '../../core/ports/onboarding.js';
import type { ConversationReferences } from './conversation-references.js';
import type { TeamsSender } from './teams-sender.js';

/** Teams takes about 28 KB per message; an introduction is far shorter, this only bounds a pasted wall of text. */
const MAX_INTRO = 4000;

/**
 * The introduction a lead approved for a customer's Teams conversation: a new thread of its own in a
 * channel, a message in a group chat. Plain text, so the lead's words can never form a mention or markup.
 */
export class TeamsIntroGateway implements IntroGateway {
  constructor(
    private readonly sender: TeamsSender,
    private readonly references: ConversationReferences,
  ) {}

  async postIntro(channel: ChannelRef, text: string, delivery: DeliveryTag): Promise<Clearance> {
    const place = await this.references.place(channel.channel);
    const intro = { type: 'message', text: text.slice(0, MAX_INTRO), textFormat: 'plain' } as Partial<Activity>;
    const cleared = await delivery.beforeSend();
    if (place.conversation.conversationType === 'channel') await this.sender.startThread(place, intro);
    else await this.sender.send(place, intro);
    return cleared;
  }
}
