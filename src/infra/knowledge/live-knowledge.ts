import { type Stats, unwatchFile, watchFile } from 'node:fs';
import type { Decider, DecisionInput } from '../../core/ports/decider.js';
import type { KnowledgeSink } from '../../core/ports/kb-candidates.js';
import type { KnowledgeEntry, TeamArticles } from '../../core/ports/knowledge.js';
import type { Logger } from '../../core/ports/logger.js';

/** How often the knowledge file's size and modification time are looked at (one stat call). */
const CHECK_EVERY_MS = 1000;

export interface KnowledgeVersion {
  decider: Decider & TeamArticles;
  index: KnowledgeSink;
  /** How many entries it was built from, for the log. */
  entries: number;
}

/**
 * The decider over the knowledge base as it is now: when the knowledge file changes (`baton kb ingest`,
 * `baton kb approve`, a deploy), the whole index is built again from the file, the docs and the
 * approved entries in the store, and replaces the old one between two decisions; a running Baton
 * answers from the new version within a second, without a restart. Every instance watches its own
 * BATON_KB, so instances sharing the file all move together. A file that cannot be read (caught
 * mid-copy, say) keeps the version in use, and the next change is tried again. The first version is
 * built in the background (the caller serves meanwhile); decisions asked for before wait for it.
 */
export class LiveKnowledge implements Decider, TeamArticles, KnowledgeSink {
  private current: KnowledgeVersion | undefined;
  /** Entries added (approvals) while a new version is being built, to add to it as well. */
  private addedDuringBuild: KnowledgeEntry[] | undefined = [];
  private watched: { file: string; listener: (now: Stats, before: Stats) => void } | undefined;
  private reloading: Promise<void>;
  private readonly stops: (() => Promise<void>)[] = [];
  /**
   * Settles when the first version is in use; rejects with the reason it could not be built (a broken
   * knowledge file), which stops the start. Until then decisions wait for it: none is taken from part
   * of the knowledge.
   */
  readonly ready: Promise<void>;

  constructor(
    first: Promise<KnowledgeVersion>,
    private readonly build: () => Promise<KnowledgeVersion>,
    private readonly log: Logger,
  ) {
    this.ready = first.then((version) => {
      this.use(version);
      this.log.info({ entries: version.entries }, 'knowledge base built');
    });
    this.reloading = this.ready.catch(() => undefined);
  }

  get built(): boolean {
    return this.current !== undefined;
  }

  async decide(input: DecisionInput) {
    if (!this.current) await this.ready;
    return this.current!.decider.decide(input);
  }

  /** None before the first version is built: a packet is published without its article list rather than waiting. */
  articlesFor(question: string, accountId: string, limit: number) {
    return this.current?.decider.articlesFor(question, accountId, limit) ?? [];
  }

  addAll(entries: Iterable<KnowledgeEntry>): void {
    const list = [...entries];
    this.addedDuringBuild?.push(...list);
    this.current?.index.addAll(list);
  }

  /** Builds the knowledge again now; reloads asked for while one runs wait their turn. */
  reload(): Promise<void> {
    this.reloading = this.reloading.then(() => this.rebuild());
    return this.reloading;
  }

  /** Reloads whenever `file` changes (it may not exist yet). */
  watch(file: string): void {
    const listener = (now: Stats, before: Stats) => {
      if (now.mtimeMs !== before.mtimeMs || now.size !== before.size) void this.reload();
    };
    watchFile(file, { interval: CHECK_EVERY_MS, persistent: false }, listener);
    this.watched = { file, listener };
  }

  /** Also does `stop` when stopping, after a reload under way (saving the index built, say). */
  onStop(stop: () => Promise<void>): void {
    this.stops.push(stop);
  }

  /** Stops watching; a reload under way finishes. A first build under way is not waited for: nothing was decided from it. */
  async stop(): Promise<void> {
    if (this.watched) unwatchFile(this.watched.file, this.watched.listener);
    this.watched = undefined;
    if (this.current) await this.reloading;
    for (const stop of this.stops) await stop();
  }

  private async rebuild(): Promise<void> {
    this.addedDuringBuild = [];
    try {
      const next = await this.build();
      this.use(next);
      this.log.info({ entries: next.entries }, 'knowledge base reloaded');
    } catch (err) {
      this.log.warn({ err }, 'could not reload the knowledge base; answering from the version in use until the file changes again');
    } finally {
      this.addedDuringBuild = undefined;
    }
  }

  private use(next: KnowledgeVersion): void {
    next.index.addAll(this.addedDuringBuild ?? []);
    this.addedDuringBuild = undefined;
    this.current = next;
  }
}
