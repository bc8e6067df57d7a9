import type { Activity } from '@microsoft/agents-activity';
import type { ShareForm } from '../../core/feedback/kb-share.js';
import type { CandidateView, Count, ReviewView } from '../../core/feedback/weekly-review.js';
import { ACTION, SHARE_FIELD } from '../../core/model/actions.js';
import { button, card, cardActivity, plainText, type AdaptiveCard, type CardElement } from './adaptive-card.js';
import type { FormState } from './staff-forms.js';

/** Gaps shown on the summary: the card stays a glance; `gaps` has every one. */
const MAX_GAPS = 5;
const MAX_QUOTE = 600;
const MAX_SHARED = 3000;

const clip = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_QUOTE ? `${flat.slice(0, MAX_QUOTE - 1)}\u2026` : flat;
};

function counts(title: string, list: Count[]): CardElement {
  return { type: 'FactSet', facts: [{ title, value: list.length > 0 ? list.map((c) => `${c.label}: ${c.count}`).join(' \u00b7 ') : 'none' }] };
}

/**
 * A KB candidate: what the customer asked and the specialist's resolution; **Approve for ACCOUNT** makes it an
 * answer for that account's customers (names, emails, numbers and secrets removed; others never see it),
 * **Edit and share with everyone** turns the card into the edit step.
 */
function candidateCard(c: CandidateView): AdaptiveCard {
  const data = { escalationId: c.escalationId };
  const status = [...(c.approvedBy ? ['Approved and in the knowledge base'] : []), ...(c.sharedBy ? ['Shared with every customer'] : [])];
  return card(
    [
      plainText(`${c.escalationId} \u00b7 ${c.account} \u00b7 ${c.category}`, { weight: 'Bolder' }),
      plainText(`Customer asked: ${clip(c.question)}`),
      plainText(`Specialist resolution: ${clip(c.answer)}`),
      ...status.map((s) => plainText(s, { color: 'Good', size: 'Small' })),
    ],
    [...(c.approvedBy ? [] : [button(`Approve for ${c.account}`, ACTION.approveCandidate, data)]), ...(c.sharedBy ? [] : [button('Edit and share with everyone', ACTION.shareCandidate, data)])],
  );
}

/** The weekly review agenda, as `/baton review` has it in Slack: a summary card, then one card per KB candidate. */
export function weeklyReviewActivities(v: ReviewView): Partial<Activity>[] {
  const title = `Weekly review \u00b7 last 7 days: ${v.tagged} escalation${v.tagged === 1 ? '' : 's'} closed and tagged`;
  const body: CardElement[] = [
    plainText(title, { weight: 'Bolder', size: 'Medium' }),
    counts('Root cause', v.byRootCause),
    counts('AI accuracy', v.byAccuracy),
    counts('Automation potential', v.byAutomation),
    plainText('What Baton could not answer', { weight: 'Bolder' }),
    ...(v.gaps.length > 0 ? v.gaps.slice(0, MAX_GAPS).map((g) => plainText(`\u2022 ${g.topic}: ${g.count} question${g.count === 1 ? '' : 's'}`)) : [plainText('Nothing this week.')]),
    plainText(v.candidates.length > 0 ? `KB candidates (automation potential \u201cyes\u201d, and edited copilot drafts): ${v.candidates.length}, each below` : 'KB candidates: none this week.', { weight: 'Bolder' }),
    ...(v.moreCandidates > 0 ? [plainText(`${v.moreCandidates} more candidate${v.moreCandidates === 1 ? '' : 's'}; approve these first.`, { isSubtle: true, size: 'Small' })] : []),
  ];
  return [cardActivity(card(body), title), ...v.candidates.map((c) => cardActivity(candidateCard(c), `KB candidate ${c.escalationId}`))];
}

/** The edit step of sharing a candidate with every customer, in place of its card: the resolution as quoted today, editable. */
export function shareCard(form: Extract<ShareForm, { ok: true }>, state: FormState = { values: {}, errors: {} }): AdaptiveCard {
  const text = state.values[SHARE_FIELD.answer] ?? form.answer;
  const error = state.errors[SHARE_FIELD.answer];
  return card(
    [
      plainText(`Share ${form.escalationId} (${form.account}) with every customer: what you leave here is what every customer with a similar question is shown, redacted again. Take out what belongs to ${form.account} alone.`),
      { type: 'Input.Text', id: SHARE_FIELD.answer, label: 'Answer for every customer', isMultiline: true, maxLength: Math.max(MAX_SHARED, text.length), value: text },
      ...(error ? [plainText(error, { color: 'Attention', size: 'Small' })] : []),
    ],
    [button('Share', ACTION.submitShare, { escalationId: form.escalationId })],
  );
}

/** The card once shared: who shared it, and the text every customer now gets. */
export function sharedCard(escalationId: string, by: string, answer: string): AdaptiveCard {
  return card([
    plainText(`${escalationId}: shared with every customer by ${by}. Baton now answers similar questions with:`, { color: 'Good' }),
    { type: 'Container', style: 'emphasis', items: [plainText(answer)] },
  ]);
}
