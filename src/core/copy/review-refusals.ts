import type { ApproveResult } from '../feedback/kb-candidate.js';
import type { ShareRefusal } from '../feedback/kb-share.js';
import type { ReviewResult } from '../suggest/answer-review.js';

/** What a refused decision tells the lead, in the review and in the edit modal alike. */
export function reviewRefusal(result: Extract<ReviewResult, { ok: false }>): string {
  const texts: Record<typeof result.reason, string> = {
    not_lead: 'Only the support leads named in Baton\u2019s configuration can review answers.',
    no_review: 'This Baton proposes no answers from history.',
    not_found: 'This topic has no proposed answer any more (the history changed).',
    stale: 'The proposed answer changed since this review was shown: open the review again.',
    already_reviewed: 'This topic was already reviewed.',
    unknown_account: 'That account is not in Baton\u2019s configuration.',
    empty: 'An empty answer cannot be approved.',
    marked: `Marked spans are left in (${(result.marks ?? []).map((m) => `${m.kind}: \u201c${m.text}\u201d`).join('; ')}): edit them out, or confirm they are right for all it answers (Edit in Slack; the confirmation under the text elsewhere).`,
  };
  return texts[result.reason];
}

/** What a lead reads after "Approve for the KB" on a candidate of the weekly review. */
export function candidateApprovalText(result: ApproveResult): string {
  if (result.ok) return 'Approved. Baton answers from this resolution from now on.';
  const reasons: Record<typeof result.reason, string> = {
    not_lead: 'Only the support leads named in Baton\u2019s configuration can approve knowledge.',
    not_found: 'This escalation no longer exists.',
    not_a_candidate: 'This escalation has no resolution Baton could answer from.',
    already_approved: 'Already approved and in the knowledge base.',
  };
  return reasons[result.reason];
}

/** Why "Edit and share with everyone" on a KB candidate did not share it. */
export const SHARE_REFUSALS: Record<ShareRefusal, string> = {
  not_lead: 'Only the support leads named in Baton\u2019s configuration can share knowledge.',
  not_found: 'This escalation no longer exists.',
  not_a_candidate: 'This escalation has no resolution Baton could answer from.',
  already_shared: 'Already shared with every customer.',
  empty: 'An empty answer cannot be shared.',
};
