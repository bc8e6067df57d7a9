import type { CoreDeps } from '../core/deps.js';
import type { InboxItem } from '../core/ports/inbox.js';
import type { Logger } from '../core/ports/logger.js';
import type { Metrics } from '../core/ports/metrics.js';
import type { ConversationReferences } from './gateway/conversation-references.js';
import type { TeamsDirectory } from './normalize/teams-directory.js';

/** What the Teams turn handlers need: the core, the member directory, the references and the inbox. */
export interface TeamsTurnDeps {
  core: CoreDeps;
  directory: TeamsDirectory;
  references: ConversationReferences;
  /** Records an activity in the inbox before Teams gets its 200; throws when the store cannot take it or the backlog is full. */
  intake: { take(item: InboxItem): Promise<void> };
  metrics: Metrics;
  log: Logger;
}
