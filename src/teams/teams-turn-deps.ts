import type { CoreDeps } from '../core/deps.js';
import type { InboxItem } from '../core/ports/inbox.js';
import type { Logger } from '../core/ports/logger.js';
import type { Metrics } from '../core/ports/metrics.js';
import type { OnboardingView } from '../core/ports/onboarding.js';
import type { ConversationReferences } from './gateway/conversation-references.js';
import type { QueueReferences } from './gateway/queue-references.js';
import type { TeamsDirectory } from './normalize/teams-directory.js';
import type { AdaptiveCard } from './render/adaptive-card.js';

/** What the Teams turn handlers need: the core, the member directory, the references and the inbox. */
export interface TeamsTurnDeps {
  core: CoreDeps;
  directory: TeamsDirectory;
  references: ConversationReferences;
  /** Learns where the vendor's own channels (the queues) are reached, from every activity. */
  queues: QueueReferences;
  /** Records an activity in the inbox before Teams gets its 200; throws when the store cannot take it or the backlog is full. */
  intake: { take(item: InboxItem): Promise<void> };
  /** The leads' card about a new conversation as it stands (TeamsOnboardingGateway.card). */
  leadsCard(channel: string, view: OnboardingView): Promise<AdaptiveCard>;
  /** Whether a file may be uploaded to this URL: a host Teams replies may go to (Microsoft's, SharePoint's, TEAMS_SERVICE_HOSTS). */
  uploadAllowed(url: string): boolean;
  metrics: Metrics;
  log: Logger;
}

/** What the clicker of a card button reads back: a replacement card, or a line of text. */
export type CardAnswer = AdaptiveCard | string;
