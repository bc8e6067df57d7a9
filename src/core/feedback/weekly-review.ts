import { findAccount } from '../onboarding/channel-directory.js';
import type { LoopDeps } from '../deps.js';
import { DRAFT_ACCURACY, draftFigures, draftRows, type DraftFigures, type DraftTally } from '../copilot/draft-figures.js';
import { AI_ACCURACY, AUTOMATION_POTENTIAL, type AiAccuracy } from '../escalation/escalation.js';
import { isHandoff, type EscalationFacts } from '../metrics/facts.js';
import { conversationKey } from '../model/conversation-ref.js';
import type { CandidateApproval } from '../ports/kb-candidates.js';
import { loadFeedbackReview } from './content-gaps.js';
import type { FeedbackFigures } from './feedback-figures.js';
import type { GapGroup } from './gap-groups.js';
import { candidateEntry } from './kb-candidate.js';
import { sharedKey } from './kb-share.js';

const DAY = 24 * 60 * 60 * 1000;
/** A review message holds at most 50 blocks; the rest of the candidates wait for next week's. */
export const MAX_CANDIDATES = 12;

export interface Count {
  id: string;
  label: string;
  count: number;
}

export interface CandidateView {
  escalationId: string;
  /** The customer whose questions the entry will answer, by name: approving makes it that account's knowledge. */
  account: string;
  category: string;
  question: string;
  answer: string;
  approvedBy?: string;
  /** The lead who shared an edited version with every customer. */
  sharedBy?: string;
}

type Reviewed = keyof typeof DRAFT_ACCURACY;

/** The weekly review agenda: the week's tagged escalations by each tag, and the KB candidates to approve. */
export interface ReviewView {
  start: number;
  end: number;
  tagged: number;
  /** Copilot drafts offered in the period, as `/baton report 7d` counts them; the reviewed ones count in `byAccuracy` too (sent as correct, edited as partially correct, discarded as off-base). */
  drafts: DraftFigures;
  byRootCause: Count[];
  byAccuracy: Count[];
  byAutomation: Count[];
  candidates: CandidateView[];
  /** Candidates still waiting for a lead that did not fit in this review. */
  moreCandidates: number;
  /** Helpful / Not helpful on the week's answers, by category and by knowledge source. */
  feedback: FeedbackFigures;
  /** What Baton could not answer this week, by topic: suggestions for new articles. */
  gaps: GapGroup[];
}

/** The close tags' AI accuracy, with each reviewed draft counted as the accuracy its fate shows. */
function accuracyCounts(tagged: EscalationFacts[], drafts: DraftTally): Count[] {
  const labels: Record<AiAccuracy, string> = { correct: 'Correct', partially_correct: 'Partially correct', off_base: 'Off-base' };
  return AI_ACCURACY.map((id) => {
    const fromDrafts = (Object.keys(DRAFT_ACCURACY) as Reviewed[]).filter((d) => DRAFT_ACCURACY[d] === id).reduce((n, d) => n + drafts[d], 0);
    return { id, label: labels[id], count: tagged.filter((e) => e.tags!.aiAccuracy === id).length + fromDrafts };
  })
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count - a.count);
}

function countBy(tagged: EscalationFacts[], ids: readonly string[], labels: Record<string, string>, pick: (e: EscalationFacts) => string): Count[] {
  return ids
    .map((id) => ({ id, label: labels[id] ?? id, count: tagged.filter((e) => pick(e) === id).length }))
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count - a.count);
}

async function candidateView(deps: Pick<LoopDeps, 'conversations' | 'escalations' | 'loop' | 'onboarding' | 'policy'>, id: string, approval: CandidateApproval | undefined): Promise<CandidateView | undefined> {
  const escalation = await deps.escalations.get(id);
  if (!escalation) return undefined;
  const entry = candidateEntry(escalation, await deps.conversations.get(conversationKey(escalation.conversation)));
  if (!entry?.answer) return undefined;
  const account = (await findAccount(deps, escalation.accountId))?.name ?? escalation.accountId;
  const shared = await deps.loop.candidates.get(sharedKey(id));
  return {
    escalationId: id,
    account,
    category: escalation.category,
    question: entry.question,
    answer: entry.answer,
    ...(approval ? { approvedBy: approval.approvedBy } : {}),
    ...(shared ? { sharedBy: shared.approvedBy } : {}),
  };
}

export async function loadReview(deps: Pick<LoopDeps, 'clock' | 'conversations' | 'escalations' | 'loop' | 'onboarding' | 'policy'>, days = 7): Promise<ReviewView> {
  const end = deps.clock.now();
  const start = end - days * DAY;
  const packets = await deps.loop.facts.escalationsOpened(start - 30 * DAY, end + 1);
  const drafts = draftFigures(draftRows(packets), start, end);
  // The week's closes, whenever the escalation opened.
  const tagged = packets.filter(isHandoff).filter((e) => e.tags && e.resolvedAt !== undefined && e.resolvedAt >= start && e.resolvedAt <= end);
  const rootLabels = Object.fromEntries(deps.policy.root_causes.map((r) => [r.id, r.label]));
  // A draft a specialist edited before sending is their answer, so it is a candidate like a close with automation "yes".
  const edited = packets.filter((p) => p.draft === 'edited' && p.resolvedAt !== undefined && p.resolvedAt >= start && p.resolvedAt <= end);
  const candidateIds = [...tagged.filter((e) => e.tags!.automation === 'yes'), ...edited].map((e) => e.id);
  const approvals = new Map(await Promise.all(candidateIds.map(async (id) => [id, await deps.loop.candidates.get(id)] as const)));
  // Those still waiting for a lead come before the approved ones, so approving what is shown brings the next into view.
  const waiting = candidateIds.filter((id) => !approvals.get(id));
  const shown = [...waiting, ...candidateIds.filter((id) => approvals.get(id))].slice(0, MAX_CANDIDATES);
  const candidates = (await Promise.all(shown.map((id) => candidateView(deps, id, approvals.get(id))))).filter((c) => c !== undefined);
  const { feedback, gaps } = await loadFeedbackReview(deps.loop.feedback, end, days);
  return {
    start,
    end,
    tagged: tagged.length,
    drafts,
    byRootCause: countBy(tagged, deps.policy.root_causes.map((r) => r.id), rootLabels, (e) => e.tags!.rootCause),
    byAccuracy: accuracyCounts(tagged, drafts.current),
    byAutomation: countBy(tagged, AUTOMATION_POTENTIAL, { yes: 'Yes', maybe: 'Maybe', no: 'No' }, (e) => e.tags!.automation),
    candidates,
    moreCandidates: Math.max(0, waiting.length - MAX_CANDIDATES),
    feedback,
    gaps,
  };
}
