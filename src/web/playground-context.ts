import type { LoopDeps } from '../core/deps.js';
import type { PlaygroundFeed } from './feed.js';
import type { PlaygroundIntake } from './playground-intake.js';

/** What the playground's routes work with: the real core, seeing only the playground's own records (own-records.ts), and the feed the pages watch. */
export interface PlaygroundContext {
  core: LoopDeps;
  feed: PlaygroundFeed;
  /** Where customers' messages go to be decided, grouped as the policy says. */
  intake: PlaygroundIntake;
  /** Empties the playground's store (beside Slack or Teams, what it wrote) and its pages. */
  reset(): Promise<void>;
  /** Served in the page; every request that changes something must carry it (request-guard.ts). */
  pageToken: string;
}
