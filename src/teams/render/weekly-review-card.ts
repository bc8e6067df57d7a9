import type { Activity } from '@microsoft/agents-activity';
import type { CandidateView, Count, ReviewView } from '../../core/feedback/weekly-review.js';
import { ACTION } from '../../core/model/actions.js';
import { button, card, cardActivity, plainText, type CardElement } from './adaptive-card.js';

/** Candidates and gaps shown: the card stays far under Teams' size cap; `review` in Slack shows the same first ones. */
const MAX_ROWS = 5;
const MAX_QUOTE = 600;

const clip = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_QUOTE ? `${flat.slice(0, MAX_QUOTE - 1)}\u2026` : flat;
};

function counts(title: string, list: Count[]): CardElement {
  return { type: 'FactSet', facts: [{ title, value: list.length > 0 ? list.map((c) => `${c.label}: ${c.count}`).join(' \u00b7 ') : 'none' }] };
}

/** A KB candidate: what the customer asked, the specialist's resolution, and its Approve (for that account only). */
function candidate(c: CandidateView): CardElement {
  const status = c.sharedBy ? [plainText('Shared with every customer', { color: 'Good', size: 'Small' })] : c.approvedBy ? [plainText('Approved and in the knowledge base', { color: 'Good', size: 'Small' })] : [];
  const approve = c.approvedBy ? [] : [{ type: 'ActionSet', actions: [button(`Approve for ${c.account}`, ACTION.approveCandidate, { escalationId: c.escalationId })] }];
  return {
    type: 'Container',
    separator: true,
    items: [
      plainText(`${c.escalationId} \u00b7 ${c.account} \u00b7 ${c.category}`, { weight: 'Bolder' }),
      plainText(`Customer asked: ${clip(c.question)}`),
      plainText(`Specialist resolution: ${clip(c.answer)}`),
      ...status,
      ...approve,
    ],
  };
}

/**
 * The weekly review agenda, as `/baton review` has it in Slack: the week's tagged escalations by each tag,
 * what Baton could not answer, and the KB candidates; approving one makes its resolution an answer for its
 * own account's customers (names, emails, numbers and secrets removed; other customers never see it).
 */
export function weeklyReviewActivity(v: ReviewView): Partial<Activity> {
  const title = `Weekly review \u00b7 last 7 days: ${v.tagged} escalation${v.tagged === 1 ? '' : 's'} closed and tagged`;
  const body: CardElement[] = [
    plainText(title, { weight: 'Bolder', size: 'Medium' }),
    counts('Root cause', v.byRootCause),
    counts('AI accuracy', v.byAccuracy),
    counts('Automation potential', v.byAutomation),
    plainText('What Baton could not answer', { weight: 'Bolder' }),
    ...(v.gaps.length > 0 ? v.gaps.slice(0, MAX_ROWS).map((g) => plainText(`\u2022 ${g.topic}: ${g.count} question${g.count === 1 ? '' : 's'}`)) : [plainText('Nothing this week.')]),
    plainText(v.candidates.length > 0 ? 'KB candidates (automation potential \u201cyes\u201d)' : 'KB candidates: none this week.', { weight: 'Bolder' }),
    ...v.candidates.slice(0, MAX_ROWS).map(candidate),
    ...(v.moreCandidates + Math.max(0, v.candidates.length - MAX_ROWS) > 0 ? [plainText(`${v.moreCandidates + Math.max(0, v.candidates.length - MAX_ROWS)} more candidates; approve these first.`, { isSubtle: true, size: 'Small' })] : []),
  ];
  return cardActivity(card(body), title);
}
