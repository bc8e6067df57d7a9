import { startBaton, type RunningBaton } from '../../src/baton.js';
import type { Env } from '../../src/config/env.js';
import type { Policy } from '../../src/config/policy-schema.js';
import type { LoopDeps } from '../../src/core/deps.js';
import type { Clock } from '../../src/core/ports/clock.js';
import type { KnowledgeEntry } from '../../src/core/ports/knowledge.js';
import type { createLogger } from '../../src/infra/logger.js';
import { platformsFor } from '../../src/platforms.js';
import type { PlaygroundFeed } from '../../src/web/feed.js';
import { WEB, type OpenPlayground } from '../../src/web/web-platform.js';

export interface PlaygroundOptions {
  env: Env;
  policy: Policy;
  log: ReturnType<typeof createLogger>;
  knowledge?: KnowledgeEntry[];
  clock?: Clock;
}

export interface RunningPlayground {
  baton: RunningBaton;
  core: LoopDeps;
  feed: PlaygroundFeed;
  url: string;
  sweep(): Promise<void>;
  stop(): Promise<void>;
}

/** The playground as `npm start` runs it with no Slack or Teams settings: the one start-up path, with the web platform alone. */
export async function startPlayground(opts: PlaygroundOptions): Promise<RunningPlayground> {
  const baton = await startBaton({ ...opts, platforms: platformsFor('playground') });
  const web = baton.platforms.get(WEB) as OpenPlayground;
  return { baton, core: baton.core as LoopDeps, feed: web.feed, url: web.url!, sweep: () => baton.sweep(), stop: () => baton.stop() };
}
