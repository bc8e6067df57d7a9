import type { Env } from '../../config/env.js';
import type { Policy } from '../../config/policy-schema.js';
import { buildDeciderGradually, buildDeciderWithIndex } from '../../core/answer/build-decider.js';
import type { CandidateStore } from '../../core/ports/kb-candidates.js';
import type { KnowledgeEntry } from '../../core/ports/knowledge.js';
import type { Llm } from '../../core/ports/llm.js';
import type { Logger } from '../../core/ports/logger.js';
import type { AnswerReviewSource } from '../../core/ports/loop-ports.js';
import { loadKnowledge, readKnowledge } from './jsonl-knowledge-store.js';
import { LiveKnowledge } from './live-knowledge.js';
import { loadRejectedTopics } from './rejected-topics.js';
import { loadDocs } from './load-docs.js';

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

/** The knowledge file and the docs as they are now; a broken file is a ConfigError naming its line. */
export const readKnowledgeFiles = (env: Env, log: Logger): KnowledgeEntry[] => [...loadKnowledge(env.BATON_KB), ...loadDocs(env.BATON_DOCS, log)];

/** The same, read without holding the event loop (a start's first read). */
export const readKnowledgeFilesGradually = async (env: Env, log: Logger): Promise<KnowledgeEntry[]> => [...(await readKnowledge(env.BATON_KB)), ...loadDocs(env.BATON_DOCS, log)];

/**
 * The decider over BATON_KB, BATON_DOCS and the approvals in the store, rebuilt whenever the knowledge
 * file changes (`kb ingest`, `kb approve`), so a running Baton, the playground included, answers from
 * an approval without a restart. The first version is read (`first`) and built in the background, a
 * step at a time, so the caller serves meanwhile; decisions wait for it.
 */
export async function openLiveKnowledge(opts: {
  env: Env;
  policy: Policy;
  log: Logger;
  llm?: Llm;
  candidates: CandidateStore;
  /** The knowledge at startup, read without holding the event loop. */
  first: () => Promise<KnowledgeEntry[]>;
  /** The knowledge again, on each change of the file (the file, the docs, and whatever else the caller adds). */
  read: () => KnowledgeEntry[];
  /** Watch BATON_KB (false where a test gives the knowledge). */
  watch: boolean;
}): Promise<OpenedKnowledge> {
  const { env, policy, log, llm, read } = opts;
  const options = (kb: KnowledgeEntry[], approved: KnowledgeEntry[]) => ({ policy, kb: [...kb, ...approved], ...(llm ? { llm } : {}) });
  let current: KnowledgeEntry[] = [];
  let state: string | undefined = 'reading the knowledge';
  const approved = await opts.candidates.approvedEntries();
  const firstVersion = async () => {
    current = await opts.first();
    const kb = options(current, approved);
    const pause = (added: number) => {
      state = `indexing ${added} of ${kb.kb.length} entries`;
      return new Promise<void>((resolve) => setImmediate(resolve));
    };
    return { ...(await buildDeciderGradually(kb, pause)), entries: kb.kb.length };
  };
  const rebuild = async () => {
    const kb = read();
    const next = options(kb, await opts.candidates.approvedEntries());
    current = kb;
    return { ...buildDeciderWithIndex(next), entries: next.kb.length };
  };
  const live = new LiveKnowledge(firstVersion(), rebuild, log.child({ component: 'knowledge' }));
  if (opts.watch) live.watch(env.BATON_KB);
  return {
    live,
    approved,
    building: () => (live.built ? undefined : state),
    review: { knowledge: () => current, rejectedTopics: () => (opts.watch ? loadRejectedTopics(env.BATON_KB) : new Set()), ...(llm ? { llm } : {}), drafts: new Map() },
  };
}
