import type { LoopDeps } from '../core/deps.js';
import type { PlaygroundFeed } from './feed.js';

/** What the playground's routes work with: the real core, and the feed the pages watch. */
export interface PlaygroundContext {
  core: LoopDeps;
  feed: PlaygroundFeed;
  /** Empties the playground's store and its pages. */
  reset(): Promise<void>;
}
