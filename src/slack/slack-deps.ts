import type { CoreDeps } from '../core/deps.js';
import type { InboxItem } from '../core/ports/inbox.js';
import type { Logger } from '../core/ports/logger.js';
import type { SlackCaller } from './gateway/slack-caller.js';
import type { AuthorDirectory } from './normalize/author-directory.js';

/** What every listener needs: the core to call, and the Slack helpers to normalize and reply. */
export interface SlackDeps {
  core: CoreDeps;
  slack: SlackCaller;
  directory: AuthorDirectory;
  log: Logger;
  /** Records an event in the inbox before it is acknowledged; throws when the store cannot take it. */
  intake: { take(item: InboxItem): Promise<void> };
}
