import { describe, expect, it } from 'vitest';
import { discardDraft, sendDraft } from '../../../src/core/copilot/review-draft.js';
import type { LoopDeps } from '../../../src/core/deps.js';
import { approveCandidate, candidateEntry } from '../../../src/core/feedback/kb-candidate.js';
import { loadTrainingExport } from '../../../src/core/feedback/load-export.js';
import type { ExportFilter } from '../../../src/core/feedback/training-export.js';
import { escalationFacts } from '../../../src/core/metrics/facts.js';
import { conversationKey } from '../../../src/core/model/conversation-ref.js';
import type { CandidateApproval } from '../../../src/core/ports/kb-candidates.js';
import type { FactsStore } from '../../../src/core/ports/facts-store.js';
import type { KnowledgeEntry } from '../../../src/core/ports/knowledge.js';
import { ana, ask, copilotPolicy, copilotWorld } from './copilot-world.js';

type World = ReturnType<typeof copilotWorld>;
const EDIT = 'Open Members in Settings and press Invite; your plan has seats left.';
const DRAFT = 'Go to Settings, then Members, and press Invite.';
const ALL: ExportFilter = { since: 0, until: Number.MAX_SAFE_INTEGER, redact: true };

/** Three drafts of the same question: one edited and sent, one sent as is, one discarded. */
async function reviewedDrafts(w: World) {
  const edited = (await ask(w)).draftId!;
  await sendDraft(w.deps, edited, ana, EDIT);
  const asIs = (await ask(w)).draftId!;
  await sendDraft(w.deps, asIs, ana);
  const discarded = (await ask(w)).draftId!;
  await discardDraft(w.deps, discarded, ana);
  return { edited, asIs, discarded };
}

const facts = (w: World) => ({ escalationsOpened: async () => [...w.escalations.values()].map(escalationFacts) }) as unknown as FactsStore;

/** The CSV's rows as records by column name (the header is bare names, every cell is quoted; no cell here holds a CR LF). */
function csvRecords(csv: string): Record<string, string>[] {
  const [head, ...lines] = csv.trim().split('\r\n');
  const rows = lines.map((line) => [...line.matchAll(/"((?:[^"]|"")*)"(?:,|$)/g)].map((m) => m[1]!.replace(/""/g, '"')));
  return rows.map((cells) => Object.fromEntries(head!.split(',').map((h, i) => [h, cells[i] ?? ''])));
}

describe('what becomes of reviewed copilot drafts', () => {
  it("exports an edited draft with Baton's draft beside the specialist's edit, labelled partially correct; never a draft sent as is or discarded", async () => {
    const w = copilotWorld(copilotPolicy('copilot', 'copilot'));
    const { edited } = await reviewedDrafts(w);
    const files = await loadTrainingExport({ ...w.deps, facts: facts(w) }, ALL);
    expect(files).toMatchObject({ rows: 1, editedDrafts: 1, withoutResolution: 0 });
    expect(csvRecords(files.csv)).toEqual([
      expect.objectContaining({ escalation_id: edited, trigger: 'copilot', ai_accuracy: 'partially_correct', root_cause: '', automation_potential: '', human_resolution: EDIT, ai_draft: DRAFT }),
    ]);
    const line = JSON.parse(files.jsonl) as { messages: { role: string; content: string; weight?: number }[] };
    expect(line.messages.slice(1)).toEqual([{ role: 'user', content: 'How do I invite a teammate?' }, { role: 'assistant', content: EDIT, weight: 1 }]);

    const only = async (f: Partial<ExportFilter>) => (await loadTrainingExport({ ...w.deps, facts: facts(w) }, { ...ALL, ...f })).rows;
    expect([await only({ accuracy: 'partially_correct' }), await only({ accuracy: 'correct' }), await only({ automation: 'yes' }), await only({ category: 'billing' })]).toEqual([1, 0, 0, 0]);
  });

  it('makes an edited draft a knowledge candidate a lead approves for its account, and never a discarded one or one sent as is', async () => {
    const w = copilotWorld(copilotPolicy('copilot', 'copilot'));
    const { edited, asIs, discarded } = await reviewedDrafts(w);
    const entry = (id: string) => candidateEntry(w.escalations.get(id)!, w.conversations.get(conversationKey(w.escalations.get(id)!.conversation)));
    expect(entry(edited)).toMatchObject({ question: 'How do I invite a teammate?', answer: EDIT, account: 'acme', source: 'kb-candidate' });
    expect([entry(asIs), entry(discarded)]).toEqual([undefined, undefined]);

    const indexed: KnowledgeEntry[] = [];
    const approvals = new Map<string, CandidateApproval>();
    const candidates = {
      get: async (id: string) => approvals.get(id),
      putIfAbsent: async (a: CandidateApproval) => !approvals.has(a.escalationId) && Boolean(approvals.set(a.escalationId, a)),
      approvedEntries: async () => [],
    };
    const deps = { ...w.deps, loop: { candidates, knowledge: { addAll: (e: Iterable<KnowledgeEntry>) => indexed.push(...e) } } } as unknown as LoopDeps;
    const lead = w.deps.policy.leads[0] ?? w.deps.policy.queues.flatMap((q) => q.leads)[0]!;
    expect(await approveCandidate(deps, discarded, lead)).toEqual({ ok: false, reason: 'not_a_candidate' });
    expect(await approveCandidate(deps, asIs, lead)).toEqual({ ok: false, reason: 'not_a_candidate' });
    expect(await approveCandidate(deps, edited, lead)).toMatchObject({ ok: true });
    expect(indexed.map((e) => [e.account, e.answer])).toEqual([['acme', EDIT]]);
  });
});
