import type { CoreDeps } from '../core/deps.js';
import type { Logger } from '../core/ports/logger.js';
import type { SlackCaller } from './gateway/slack-caller.js';
import type { AuthorDirectory } from './normalize/author-directory.js';

/** What every listener needs: the core to call, and the Slack helpers to normalize and reply. */
export interface SlackDeps {
  core: CoreDeps;
  slack: SlackCaller;
  directory: AuthorDirectory;
  log: Logger;
}
