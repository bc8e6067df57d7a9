import type { Policy } from '../../config/policy-schema.js';
import { buildDeciderGradually, buildDeciderWithIndex, deciderFromSaved, taxonomyExamples, type BuiltDecider } from '../../core/answer/build-decider.js';
import type { CandidateStore } from '../../core/ports/kb-candidates.js';
import type { KnowledgeEntry } from '../../core/ports/knowledge.js';
import type { Llm } from '../../core/ports/llm.js';
import type { Logger } from '../../core/ports/logger.js';
import type { AnswerReviewSource } from '../../core/ports/loop-ports.js';
import { loadKnowledge, readKnowledge } from './jsonl-knowledge-store.js';
import { LiveKnowledge } from './live-knowledge.js';
import { loadRejectedTopics } from './rejected-topics.js';
import { indexKey, loadSavedIndex, saveIndex, savedIndexFile, UnusableIndex, type LoadedIndex } from './saved-index.js';

export interface OpenedKnowledge {
  /** Decides once its first version is built (`live.ready`). */
  live: LiveKnowledge;
  /** The entries approved in chat, as the store held them at startup. */
  approved: KnowledgeEntry[];
  /** The knowledge as it is now, for the answer review: it follows each reload. */
  review: AnswerReviewSource;
  /** Where the first build is while it runs ("reading the knowledge", "indexing N of M entries"); undefined once built. */
  building(): string | undefined;
}

/**
 * The decider over the knowledge file (`file`, BATON_KB), the rest of the knowledge (`others`: the docs,
 * the sources' articles), then the approvals in the store, rebuilt whenever the knowledge file changes
 * (`kb ingest`, `kb approve`), so a running Baton, the playground included, answers from an approval
 * without a restart. The first version is loaded from the index saved beside the file when that was
 * built from the same knowledge (see saved-index.ts); else it is read and built in the background, a
 * step at a time, so the caller serves meanwhile (decisions wait for it), and saved for the next start.
 * Every build from the file saves the index again.
 */
export async function openLiveKnowledge(opts: {
  policy: Policy;
  log: Logger;
  llm?: Llm;
  candidates: CandidateStore;
  /** The knowledge file, watched and its index saved beside it; absent where a test gives the knowledge. */
  file?: string;
  /** The rest of the knowledge as it is now, read at start and again on each change of the file. */
  others: () => KnowledgeEntry[];
  /** The first version is taken up once this settles (the port is open: the start serves meanwhile). */
  after?: Promise<void>;
}): Promise<OpenedKnowledge> {
  const { policy, log, llm, file } = opts;
  const options = (kb: KnowledgeEntry[]) => ({ policy, kb, ...(llm ? { llm } : {}) });
  const saved = file === undefined ? undefined : new SavedIndex(file, log);
  const review = reviewedKnowledge(() => [...(file === undefined ? [] : loadKnowledge(file)), ...opts.others()]);
  let state: string | undefined = 'reading the knowledge';
  let loaded: LoadedIndex | undefined;
  const approved = await opts.candidates.approvedEntries();
  // The approvals in the store are added to a version once it is built or loaded, as those made later
  // are: the saved index holds the knowledge files' and sources' entries only, so an approval does not
  // make the next start build it again, and a loaded index decides as a built one.
  const withApprovals = (built: BuiltDecider, entries: number, approvals: KnowledgeEntry[]) => {
    built.index.addAll(approvals);
    return { ...built, entries: entries + approvals.length };
  };
  const firstVersion = async () => {
    await opts.after;
    const others = opts.others();
    const key = saved?.key({ policy, others });
    loaded = key === undefined ? undefined : saved!.load(key);
    if (loaded) {
      const built = deciderFromSaved(options([]), loaded.saved, loaded.entries);
      return withApprovals(built, built.index.size - taxonomyExamples(policy).length, approved);
    }
    const kb = [...(file === undefined ? [] : await readKnowledge(file)), ...others];
    review.read(kb);
    const pause = (added: number) => {
      state = `indexing ${added} of ${kb.length} entries`;
      return new Promise<void>((resolve) => setImmediate(resolve));
    };
    const built = await buildDeciderGradually(options(kb), pause);
    if (key !== undefined) saved!.save(key, built);
    return withApprovals(built, kb.length, approved);
  };
  const rebuild = async () => {
    const others = opts.others();
    const key = saved?.key({ policy, others });
    const kb = [...(file === undefined ? [] : loadKnowledge(file)), ...others];
    review.read(kb);
    const built = buildDeciderWithIndex(options(kb));
    if (key !== undefined) saved!.save(key, built);
    return withApprovals(built, kb.length, await opts.candidates.approvedEntries());
  };
  const live = new LiveKnowledge(firstVersion(), rebuild, log.child({ component: 'knowledge' }));
  if (file !== undefined) live.watch(file);
  if (saved) {
    live.onStop(() => saved.stop());
    // A loaded index's entries are checked once it serves: one damaged since it was saved is built again.
    void live.ready.then(async () => {
      if (!loaded || (await loaded.intact())) return;
      saved.warn('damaged (its entries do not match their checksum)');
      await live.reload();
    }, () => undefined);
  }
  return {
    live,
    approved,
    building: () => (live.built ? undefined : state),
    review: { knowledge: review.knowledge, rejectedTopics: () => (file === undefined ? new Set() : loadRejectedTopics(file)), ...(llm ? { llm } : {}), drafts: new Map() },
  };
}

/**
 * The knowledge as the answer review reads it (every entry, as imported): the last read is kept while
 * something still holds it, and read again from the files when asked for after the memory went back
 * (a start from the saved index reads none).
 */
function reviewedKnowledge(read: () => KnowledgeEntry[]) {
  let last: WeakRef<KnowledgeEntry[]> | undefined;
  return {
    read: (kb: KnowledgeEntry[]) => (last = new WeakRef(kb)),
    knowledge: (): KnowledgeEntry[] => {
      const held = last?.deref();
      if (held) return held;
      const kb = read();
      last = new WeakRef(kb);
      return kb;
    },
  };
}

/** The index saved beside a knowledge file: loaded when it fits, saved after each build, one save at a time. */
class SavedIndex {
  readonly file: string;
  private saving: Promise<void> = Promise.resolve();
  private readonly stopping = new AbortController();

  constructor(
    private readonly kb: string,
    private readonly log: Logger,
  ) {
    this.file = savedIndexFile(kb);
  }

  key(inputs: unknown): string | undefined {
    return indexKey(this.kb, inputs);
  }

  /** The saved index for `key`, or undefined after one warning saying why it is built again. */
  load(key: string): LoadedIndex | undefined {
    try {
      const loaded = loadSavedIndex(this.file, key);
      this.log.info({ file: this.file }, 'knowledge index loaded from its saved copy');
      return loaded;
    } catch (err) {
      if (!(err instanceof UnusableIndex)) throw err;
      this.warn(err.message);
      return undefined;
    }
  }

  warn(why: string): void {
    this.log.warn({ file: this.file, why }, 'saved knowledge index not used; building the index from the knowledge');
  }

  /** Saves a build in the background (taken now: approvals added later are not the file's). */
  save(key: string, built: BuiltDecider): void {
    const taken = built.saved();
    this.saving = this.saving
      .then(() => saveIndex(this.file, key, taken, this.stopping.signal))
      .then(
        () => this.log.info({ file: this.file }, 'knowledge index saved'),
        (err: unknown) => {
          if (!this.stopping.signal.aborted) this.log.warn({ err, file: this.file }, 'could not save the knowledge index; the next start builds it again');
        },
      );
  }

  /** Stops a save under way (its part-written file is removed) and waits for it. */
  stop(): Promise<void> {
    this.stopping.abort();
    return this.saving;
  }
}
