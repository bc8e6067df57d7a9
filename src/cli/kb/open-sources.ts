import { loadPolicy } from '../../config/load-policy.js';
import type { Policy } from '../../config/policy-schema.js';
import { systemClock } from '../../core/ports/clock.js';
import { KnowledgeSources } from '../../infra/knowledge/sources/knowledge-sources.js';
import { createLogger } from '../../infra/logger.js';
import { openStores, type Stores } from '../../infra/store/open-stores.js';
import { cliPaths } from '../cli-env.js';
import { openCliStore } from '../cli-store.js';

/** The policy's knowledge sources over the store a running Baton shares, as `kb sync` and `kb sources` use them. */
export async function openSources(flags: { config?: string | undefined; store?: string | undefined }): Promise<{ sources: KnowledgeSources; stores: Stores; config: string }> {
  const paths = cliPaths(flags);
  const policy = loadPolicy(paths.config, process.env);
  const stores = await openCliStore(paths.store, openStores);
  return { sources: sourcesIn(policy, stores), stores, config: paths.config };
}

/** The policy's knowledge sources as the store holds them. */
export function sourcesIn(policy: Policy, stores: Stores): KnowledgeSources {
  // The summary goes to stdout; the log, which says the same in more detail, to stderr.
  const log = createLogger(process.env.LOG_LEVEL ?? 'warn', process.stderr);
  return new KnowledgeSources(policy.knowledge, { store: stores.sources, locks: stores.locks, env: process.env, log, now: () => systemClock.now() });
}
