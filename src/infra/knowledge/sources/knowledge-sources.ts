import type { KnowledgeSettings, KnowledgeSource } from '../../../config/knowledge-sources-schema.js';
import type { KnowledgeEntry } from '../../../core/ports/knowledge.js';
import type { Locks } from '../../../core/ports/locks.js';
import type { Logger } from '../../../core/ports/logger.js';
import type { KeyvSourceStore, SourceStatus } from '../../store/keyv-source-store.js';
import { storeKeys } from '../../store/store-keys.js';
import { PoliteFetcher } from './polite-fetch.js';
import { articleEntries } from './source-article.js';
import { readerFor } from './source-readers.js';
import { type SyncResult, syncSource } from './sync-source.js';

export interface KnowledgeSourcesDeps {
  store: KeyvSourceStore;
  locks: Locks;
  env: NodeJS.ProcessEnv;
  log: Logger;
  /** The clock the sync intervals are measured on (ms since epoch). */
  now: () => number;
  fetcher?: PoliteFetcher;
}

/**
 * The policy's knowledge sources in a running Baton. Each sweep syncs the sources whose interval has
 * passed (one instance at a time per source, under a store lock), then reads again from the shared store
 * any source whose revision moved, whichever instance or `baton kb sync` moved it: every instance answers
 * from the same content within one sweep of a sync.
 */
export class KnowledgeSources {
  private readonly held = new Map<string, { revision: number; entries: KnowledgeEntry[] }>();
  private readonly fetcher: PoliteFetcher;

  constructor(
    private readonly settings: KnowledgeSettings,
    private readonly deps: KnowledgeSourcesDeps,
  ) {
    this.fetcher = deps.fetcher ?? new PoliteFetcher({ requestsPerSecond: settings.requests_per_second });
  }

  get sources(): readonly KnowledgeSource[] {
    return this.settings.sources;
  }

  /** Every source's entries as last read from the store. */
  entries(): KnowledgeEntry[] {
    return [...this.held.values()].flatMap((h) => h.entries);
  }

  /** Syncs the named sources (all when none is named) now, whatever their interval; the caller reports each result (a failure is not logged too). */
  async sync(ids?: string[]): Promise<SyncResult[]> {
    const chosen = this.sources.filter((s) => !ids || ids.includes(s.id));
    return Promise.all(chosen.map((s) => this.deps.locks.run(storeKeys.kbSourceStatus(s.id), () => this.syncOne(s))));
  }

  /** Syncs the sources that are due, then takes up what changed; true when the knowledge changed. */
  async sweep(): Promise<boolean> {
    await Promise.all(this.sources.map((s) => this.syncIfDue(s)));
    return this.refresh();
  }

  /** Reads again each source whose revision in the store differs from the one held; true when any did. */
  async refresh(): Promise<boolean> {
    let changed = false;
    for (const source of this.sources) {
      const status = await this.deps.store.status(source.id);
      if (!status || this.held.get(source.id)?.revision === status.revision) continue;
      const content = await this.deps.store.content(source.id);
      this.held.set(source.id, { revision: status.revision, entries: (content?.articles ?? []).flatMap((a) => articleEntries(source.id, a)) });
      changed = true;
    }
    return changed;
  }

  async statuses(): Promise<{ source: KnowledgeSource; status: SourceStatus | undefined }[]> {
    return Promise.all(this.sources.map(async (source) => ({ source, status: await this.deps.store.status(source.id) })));
  }

  private async syncIfDue(source: KnowledgeSource): Promise<void> {
    const due = (status: SourceStatus | undefined) => status?.lastSyncAt === undefined || this.deps.now() - status.lastSyncAt >= source.sync_minutes * 60_000;
    try {
      if (!due(await this.deps.store.status(source.id))) return;
      // Checked again under the lock: another instance may have synced it meanwhile.
      await this.deps.locks.run(storeKeys.kbSourceStatus(source.id), async () => {
        if (!due(await this.deps.store.status(source.id))) return;
        const result = await this.syncOne(source);
        // Nobody asked for this sync, so its failure is told in the log.
        if (!result.ok) this.deps.log.warn({ source: source.id, kind: source.kind, error: result.error }, 'knowledge source failed to sync; answering from its last good content');
      });
    } catch (err) {
      this.deps.log.warn({ source: source.id, err }, 'knowledge source sync could not run; the next sweep tries again');
    }
  }

  private async syncOne(source: KnowledgeSource): Promise<SyncResult> {
    const result = await syncSource(source.id, await readerFor(source, this.fetcher, this.deps.env), this.deps.store, this.deps.now());
    if (result.ok && result.added + result.changed + result.removed > 0) this.deps.log.info({ ...result, kind: source.kind }, 'knowledge source synced');
    return result;
  }
}
