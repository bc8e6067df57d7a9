import type { Env } from '../../config/env.js';
import type { Policy } from '../../config/policy-schema.js';
import { buildDeciderWithIndex } from '../../core/answer/build-decider.js';
import type { CandidateStore } from '../../core/ports/kb-candidates.js';
import type { KnowledgeEntry } from '../../core/ports/knowledge.js';
import type { Llm } from '../../core/ports/llm.js';
import type { Logger } from '../../core/ports/logger.js';
import type { AnswerReviewSource } from '../../core/ports/loop-ports.js';
import { loadKnowledge } from './jsonl-knowledge-store.js';
import { LiveKnowledge } from './live-knowledge.js';
import { loadRejectedTopics } from './rejected-topics.js';
import { loadDocs } from './load-docs.js';

export interface OpenedKnowledge {
  live: LiveKnowledge;
  /** The entries approved in chat, as the store held them at startup. */
  approved: KnowledgeEntry[];
  /** How many entries the knowledge file and docs held at startup. */
  entries: number;
  /** The knowledge as it is now, for the answer review: it follows each reload. */
  review: AnswerReviewSource;
}

/** The knowledge file and the docs as they are now; a broken file is a ConfigError naming its line. */
export const readKnowledgeFiles = (env: Env, log: Logger): KnowledgeEntry[] => [...loadKnowledge(env.BATON_KB), ...loadDocs(env.BATON_DOCS, log)];

/**
 * The decider over BATON_KB, BATON_DOCS and the approvals in the store, rebuilt whenever the knowledge
 * file changes (`kb ingest`, `kb approve`), so a running Baton, the playground included, answers from
 * an approval without a restart. `first` is the knowledge read at startup (before anything slower, so a
 * broken file is reported first).
 */
export async function openLiveKnowledge(opts: {
  env: Env;
  policy: Policy;
  log: Logger;
  llm?: Llm;
  candidates: CandidateStore;
  first: KnowledgeEntry[];
  /** The knowledge again, on each change of the file (the file, the docs, and whatever else the caller adds). */
  read: () => KnowledgeEntry[];
  /** Watch BATON_KB (false where a test gives the knowledge). */
  watch: boolean;
}): Promise<OpenedKnowledge> {
  const { env, policy, log, llm, read } = opts;
  const version = (kb: KnowledgeEntry[], approved: KnowledgeEntry[]) => ({ ...buildDeciderWithIndex({ policy, kb: [...kb, ...approved], ...(llm ? { llm } : {}) }), entries: kb.length + approved.length });
  let current = opts.first;
  const approved = await opts.candidates.approvedEntries();
  const rebuild = async () => {
    const kb = read();
    const next = version(kb, await opts.candidates.approvedEntries());
    current = kb;
    return next;
  };
  const live = new LiveKnowledge(version(current, approved), rebuild, log.child({ component: 'knowledge' }));
  if (opts.watch) live.watch(env.BATON_KB);
  return { live, approved, entries: current.length, review: { knowledge: () => current, rejectedTopics: () => (opts.watch ? loadRejectedTopics(env.BATON_KB) : new Set()), ...(llm ? { llm } : {}), drafts: new Map() } };
}
