import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../../src/config/load-policy.js';
import type { LoopDeps } from '../../../src/core/deps.js';
import type { CandidateApproval } from '../../../src/core/ports/kb-candidates.js';
import type { KnowledgeEntry } from '../../../src/core/ports/knowledge.js';
import type { Llm } from '../../../src/core/ports/llm.js';
import { decideReview, loadAnswerReview } from '../../../src/core/suggest/answer-review.js';
import type { Proposal } from '../../../src/core/suggest/propose-answer.js';
import { MemoryLog } from '../../fakes/memory-core.js';

const LEAD = 'U0LEAD0001';
const policy = loadPolicy('test/fixtures/e2e/baton.loop.yaml');
const conv = (id: string, topic: string, answer: string): KnowledgeEntry => ({ id, kind: 'conversation', purpose: 'history', account: 'acme', category: 'how_to', topic, question: `How do I ${topic}?`, answer });
const HISTORY = [
  conv('h1', 'archive', 'Open the project, choose Settings > Archive and confirm.'),
  conv('h2', 'archive', 'Choose Settings > Archive in the project and confirm.'),
  conv('h3', 'rename', "I've renamed it for you. Admins rename the workspace under Settings > General."),
];

/** The review's ports in memory: the store's decisions, what was indexed, the knowledge it reads. */
function reviewDeps(opts: { llm?: Llm; rejected?: string[] } = {}) {
  const decisions = new Map<string, CandidateApproval>();
  const indexed: KnowledgeEntry[] = [];
  const deps = {
    policy,
    clock: { now: () => Date.UTC(2026, 10, 30, 9) },
    log: new MemoryLog(),
    loop: {
      candidates: {
        get: async (id: string) => decisions.get(id),
        putIfAbsent: async (a: CandidateApproval) => !decisions.has(a.escalationId) && Boolean(decisions.set(a.escalationId, a)),
        approvedEntries: async () => [...decisions.values()].filter((d) => !d.rejected).map((d) => d.entry),
      },
      knowledge: { addAll: (entries: Iterable<KnowledgeEntry>) => void indexed.push(...entries) },
      review: { knowledge: () => HISTORY, rejectedTopics: () => new Set(opts.rejected ?? []), drafts: new Map<string, Proposal>(), ...(opts.llm ? { llm: opts.llm } : {}) },
    },
  } as unknown as LoopDeps;
  return { deps, decisions, indexed };
}

describe('the answer review use case', () => {
  it('lists the top topics not reviewed yet, leaving out those rejected in the store or with kb approve --file', async () => {
    const { deps } = reviewDeps({ rejected: ['rename'] });
    expect((await loadAnswerReview(deps, 20)).map((p) => p.topic)).toEqual(['archive']);
    expect(await decideReview(deps, LEAD, { kind: 'reject', topic: 'archive' })).toEqual({ ok: true });
    expect(await loadAnswerReview(deps, 20)).toEqual([]);
  });

  it('approves the text shown for one account and indexes it at once; only a lead may, and only once', async () => {
    const { deps, indexed } = reviewDeps();
    const [archive] = await loadAnswerReview(deps, 1);
    const approve = { kind: 'approve' as const, topic: 'archive', version: archive!.version, scope: { account: 'acme' }, confirmMarked: false };
    expect(await decideReview(deps, 'U0SOMEONE1', approve)).toEqual({ ok: false, reason: 'not_lead' });
    expect(await decideReview(deps, LEAD, { ...approve, version: 'ffff' })).toEqual({ ok: false, reason: 'stale' });
    expect(await decideReview(deps, LEAD, { ...approve, scope: { account: 'initech' } })).toEqual({ ok: false, reason: 'unknown_account' });
    expect(await decideReview(deps, LEAD, approve)).toMatchObject({ ok: true, entry: { id: 'answer:archive@acme', purpose: 'answer', account: 'acme', answer: archive!.answer } });
    expect(indexed.map((e) => e.id)).toEqual(['answer:archive@acme']);
    expect(await decideReview(deps, LEAD, approve)).toEqual({ ok: false, reason: 'already_reviewed' });
  });

  it('refuses a marked span until it is edited out or confirmed', async () => {
    const { deps } = reviewDeps();
    const rename = (await loadAnswerReview(deps, 20)).find((p) => p.topic === 'rename')!;
    const approve = { kind: 'approve' as const, topic: 'rename', version: rename.version, scope: { everyone: true as const }, confirmMarked: false };
    expect(await decideReview(deps, LEAD, approve)).toMatchObject({ ok: false, reason: 'marked', marks: [{ kind: 'action', text: "I've renamed it for you" }] });
    expect(await decideReview(deps, LEAD, { ...approve, answer: 'Admins rename the workspace under Settings > General.' })).toMatchObject({ ok: true, entry: { answer: 'Admins rename the workspace under Settings > General.' } });
  });

  it('with a model, approves the very draft it showed, without drafting it again', async () => {
    let calls = 0;
    const llm: Llm = { draft: async () => ({ answer: `Open Settings > Archive in the project and confirm (draft ${++calls}).`, citations: [], confidence: 1 }) };
    const { deps } = reviewDeps({ llm });
    const [archive] = await loadAnswerReview(deps, 1);
    expect(archive).toMatchObject({ drafted: 'llm', answer: 'Open Settings > Archive in the project and confirm (draft 1).' });
    expect(await decideReview(deps, LEAD, { kind: 'approve', topic: 'archive', version: archive!.version, scope: { everyone: true }, confirmMarked: false })).toMatchObject({ ok: true, entry: { answer: archive!.answer } });
    expect(calls).toBe(1);
  });
});
