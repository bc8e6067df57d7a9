import Keyv from 'keyv';
import { afterEach, beforeEach } from 'vitest';
import { knowledgeSourceSchema } from '../../../src/config/knowledge-sources-schema.js';
import { KnowledgeSources } from '../../../src/infra/knowledge/sources/knowledge-sources.js';
import { type FetchOptions, PoliteFetcher } from '../../../src/infra/knowledge/sources/polite-fetch.js';
import { ProcessLocks } from '../../../src/infra/locks/process-locks.js';
import { createLogger } from '../../../src/infra/logger.js';
import { KeyvSourceStore } from '../../../src/infra/store/keyv-source-store.js';
import { FakeHelpCenter } from '../../fakes/fake-help-center.js';

/** A fake help center and docs site started before each test of the calling file (a getter: each test gets a new one). */
export function useFakeSite(): () => FakeHelpCenter {
  let site: FakeHelpCenter;
  beforeEach(async () => {
    site = await FakeHelpCenter.start();
  });
  afterEach(() => site.stop());
  return () => site;
}

/**
 * A fake site per test (`world.hc`), and sources over it (`world.source`) that record each Retry-After
 * they wait out (`world.waited`) instead of sleeping.
 */
export function useRecordingSite(env: NodeJS.ProcessEnv): { readonly hc: FakeHelpCenter; readonly waited: number[]; source: (source: Record<string, unknown>) => KnowledgeSources } {
  const site = useFakeSite();
  let waited: number[] = [];
  beforeEach(() => {
    waited = [];
  });
  return {
    get hc() {
      return site();
    },
    get waited() {
      return waited;
    },
    source: (source) => oneSource(source, { env, fetch: { wait: async (ms) => void waited.push(ms) } }),
  };
}

/** One source (as the policy would declare it) over an in-memory store, fetching with no wait between requests. */
export function oneSource(source: Record<string, unknown>, opts: { env?: NodeJS.ProcessEnv; fetch?: Partial<FetchOptions>; fetcher?: PoliteFetcher } = {}): KnowledgeSources {
  const fetcher = opts.fetcher ?? new PoliteFetcher({ requestsPerSecond: 1000, ...opts.fetch });
  return new KnowledgeSources(
    { sources: [knowledgeSourceSchema.parse(source)], requests_per_second: 1000 },
    { store: new KeyvSourceStore(new Keyv()), locks: new ProcessLocks(), env: opts.env ?? {}, log: createLogger('silent'), now: () => 0, fetcher },
  );
}

/** Syncs the source and takes up its content, as a sweep does. */
export async function synced(s: KnowledgeSources) {
  const [result] = await s.sync();
  await s.refresh();
  return { result: result!, entries: s.entries() };
}
