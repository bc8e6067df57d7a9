import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../../src/config/load-policy.js';
import { newConversation, withTurn, type Conversation } from '../../../src/core/conversation/conversation.js';
import type { LoopDeps } from '../../../src/core/deps.js';
import type { Escalation } from '../../../src/core/escalation/escalation.js';
import { approveCandidate } from '../../../src/core/feedback/kb-candidate.js';
import { loadReview, MAX_CANDIDATES } from '../../../src/core/feedback/weekly-review.js';
import { escalationFacts } from '../../../src/core/metrics/facts.js';
import { ACTION } from '../../../src/core/model/actions.js';
import type { CandidateApproval } from '../../../src/core/ports/kb-candidates.js';
import { createLogger } from '../../../src/infra/logger.js';
import { InMemoryFeedbackLog } from '../../fakes/in-memory-feedback-log.js';
import { renderReviewBlocks } from '../../../src/slack/render/review-blocks.js';

const LEAD = 'U0LEAD0001';
const DAY = 24 * 60 * 60 * 1000;
const NOW = 30 * DAY;
const policy = loadPolicy('test/fixtures/e2e/baton.loop.yaml');

/** `count` escalations closed this week with automation potential "yes", each in its own thread of Acme's channel. */
function closedCandidates(count: number): { escalations: Escalation[]; conversations: Conversation[] } {
  const escalations: Escalation[] = [];
  const conversations: Conversation[] = [];
  for (let i = 1; i <= count; i++) {
    const ref = { platform: 'slack' as const, channel: 'C0ACME0001', thread: `${i}.0` };
    const openedAt = NOW - 2 * DAY + i * 60_000;
    conversations.push(withTurn(newConversation(ref, 'acme', openedAt - 1000), { role: 'customer', text: `Question number ${i}?`, at: openedAt - 1000 }));
    escalations.push({
      id: `E-${String(i).padStart(2, '0')}`, conversation: ref, accountId: 'acme', queueId: 'support', category: 'how_to', trigger: 'low_confidence',
      status: 'resolved', openedAt, dueAt: openedAt + DAY, resolvedAt: openedAt + 30_000, version: 2, history: [],
      tags: { rootCause: 'missing_docs', aiAccuracy: 'off_base', automation: 'yes', note: `Answer number ${i}.` },
      decision: { action: 'escalate', category: 'how_to' },
    } as unknown as Escalation);
  }
  return { escalations, conversations };
}

/** Just the stores the review and an approval read and write, in memory. */
function reviewDeps(count: number): LoopDeps {
  const { escalations, conversations } = closedCandidates(count);
  const approvals = new Map<string, CandidateApproval>();
  return {
    policy,
    clock: { now: () => NOW },
    log: createLogger('silent'),
    escalations: { get: async (id: string) => escalations.find((e) => e.id === id) },
    conversations: { get: async (key: string) => conversations.find((c) => c.key === key) },
    loop: {
      facts: { escalationsOpened: async (from: number, to: number) => escalations.filter((e) => e.openedAt >= from && e.openedAt < to).map(escalationFacts) },
      candidates: {
        get: async (id: string) => approvals.get(id),
        putIfAbsent: async (a: CandidateApproval) => {
          if (approvals.has(a.escalationId)) return false;
          approvals.set(a.escalationId, a);
          return true;
        },
      },
      knowledge: { addAll: () => undefined },
      feedback: new InMemoryFeedbackLog(),
    },
  } as unknown as LoopDeps;
}

/** The escalation ids the lead can press Approve for in the review message. */
async function approvable(deps: LoopDeps): Promise<string[]> {
  const blocks = renderReviewBlocks(await loadReview(deps));
  return blocks.flatMap((b) => (b.type === 'actions' ? b.elements.flatMap((e) => (e.action_id === ACTION.approveCandidate && 'value' in e && e.value ? [e.value] : [])) : []));
}

describe('weekly review', () => {
  it('brings the next candidate into view once the lead has approved the ones shown', async () => {
    const deps = reviewDeps(MAX_CANDIDATES + 1);
    const first = await approvable(deps);
    expect(first).toHaveLength(MAX_CANDIDATES);
    for (const id of first) expect(await approveCandidate(deps, id, LEAD)).toMatchObject({ ok: true });

    const next = await approvable(deps);
    expect(next).toHaveLength(1);
    expect(first).not.toContain(next[0]);
  });
});
