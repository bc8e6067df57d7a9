import { createHash } from 'node:crypto';
import type { Policy } from '../../config/policy-schema.js';
import { redact } from '../feedback/redact.js';
import type { KnowledgeEntry } from '../ports/knowledge.js';
import type { Llm } from '../ports/llm.js';
import { cleanResolution } from './clean-resolution.js';
import { type Mark, type MarkContext, markSpans } from './mark-spans.js';
import { type HistoryTopic, historyTopics } from './topic-suggestions.js';

/** How many resolutions the model reads to write one general answer: enough to see what they share. */
const LLM_SOURCES = 5;

/** A topic's proposed answer: the exact text customers would see, and what in it looks like one ticket's. */
export interface Proposal {
  topic: string;
  category?: string;
  volume: number;
  accounts: string[];
  /** A customer's question of the topic, as retrieval matches new questions against it. */
  question: string;
  answer: string;
  marks: Mark[];
  /** `llm`: drafted from several resolutions; `representative`: the most representative resolution, cleaned. */
  drafted: 'llm' | 'representative';
  /** Entries it was built from. */
  from: string[];
  /** Fingerprint of the text shown: an approval names it, so nobody approves a text they did not see. */
  version: string;
}

export const proposalVersion = (answer: string) => createHash('sha256').update(answer).digest('hex').slice(0, 12);

const ASK = (topic: string, example: string) =>
  [
    `Write one answer, in Markdown, that serves every customer who asks about "${topic}" (for example: ${JSON.stringify(example)}).`,
    'The sources are resolutions of past tickets of several customers. Keep only what they have in common and what any customer may be told.',
    'Leave out everything that belongs to one ticket: names, companies, amounts, dates, ids, and any action taken for one customer.',
  ].join(' ');

function proposal(t: HistoryTopic, answer: string, drafted: Proposal['drafted'], from: string[], context: MarkContext): Proposal {
  const lead = t.resolutions[0]!;
  return {
    topic: t.topic,
    ...(t.category ? { category: t.category } : {}),
    volume: t.volume,
    accounts: t.accounts,
    question: redact(lead.question),
    answer,
    marks: markSpans(answer, context),
    drafted,
    from,
    version: proposalVersion(answer),
  };
}

/** Without a model: the topic's most representative resolution, cleaned and redacted. */
export function representativeProposal(t: HistoryTopic, context: MarkContext = {}): Proposal {
  return proposal(t, t.resolutions[0]!.answer, 'representative', [t.resolutions[0]!.id], context);
}

/**
 * With a model: one general answer from several of the topic's resolutions, cleaned, redacted and marked
 * like any proposal. A topic with one resolution, a failed call or an empty draft proposes the
 * representative resolution instead.
 */
export async function draftProposal(llm: Llm, t: HistoryTopic, context: MarkContext = {}): Promise<Proposal> {
  const sources = t.resolutions.slice(0, LLM_SOURCES);
  if (sources.length < 2) return representativeProposal(t, context);
  const draft = await llm.draft({ question: ASK(t.topic, redact(sources[0]!.question)), history: [], sources: sources.map((r) => ({ id: r.id, title: t.topic, text: r.answer })) }).catch(() => undefined);
  const answer = redact(cleanResolution(draft?.answer ?? ''));
  return answer === '' ? representativeProposal(t, context) : proposal(t, answer, 'llm', sources.map((r) => r.id), context);
}

/** What the review marks wherever it appears: the names of the policy's accounts. */
export function markContext(policy: Policy): MarkContext {
  return { organizations: policy.accounts.map((a) => a.name) };
}

/**
 * The history's top topics, each with its proposed answer: drafted by the model when one is given
 * (one topic at a time, to stay within its rate), else the most representative resolution.
 */
export async function proposeTopics(entries: readonly KnowledgeEntry[], opts: { top: number; llm?: Llm; skip?: ReadonlySet<string>; context?: MarkContext }): Promise<Proposal[]> {
  const context = opts.context ?? {};
  const topics = historyTopics(entries, { top: opts.top, context, ...(opts.skip ? { skip: opts.skip } : {}) });
  const proposals: Proposal[] = [];
  for (const t of topics) proposals.push(opts.llm ? await draftProposal(opts.llm, t, context) : representativeProposal(t, context));
  return proposals;
}
