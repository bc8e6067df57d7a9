import type { Activity } from '@microsoft/agents-activity';
import { ACTION, ANSWER_FIELD } from '../../core/model/actions.js';
import type { Mark } from '../../core/suggest/mark-spans.js';
import type { Proposal } from '../../core/suggest/propose-answer.js';
import { button, card, cardActivity, plainText, textBlock, type AdaptiveCard, type CardElement } from './adaptive-card.js';
import type { FormState } from './staff-forms.js';

/** The edit field takes this much, or the whole proposal when it is longer: the lead never approves a cut text. */
const MAX_ANSWER = 3000;
/** Teams shows at most 100 choices in one list: everyone and 99 accounts. */
const MAX_ACCOUNTS = 99;
export const EVERYONE = 'everyone';
/** The toggle's value when the lead confirms the marked spans left in. */
export const CONFIRMED = 'confirmed';

type Account = { id: string; name: string };

/** The exact text as runs, each marked span in bold: formatting only, so the words are the ones customers get. */
function markedRuns(text: string, marks: readonly Mark[]): CardElement {
  const runs: CardElement[] = [];
  let at = 0;
  for (const m of marks) {
    if (m.start > at) runs.push({ type: 'TextRun', text: text.slice(at, m.start) });
    runs.push({ type: 'TextRun', text: m.text, weight: 'Bolder', color: 'Warning' });
    at = m.end;
  }
  if (at < text.length) runs.push({ type: 'TextRun', text: text.slice(at) });
  return { type: 'RichTextBlock', inlines: runs.length > 0 ? runs : [{ type: 'TextRun', text: '(empty)' }] };
}

const markList = (marks: readonly Mark[]) => marks.map((m) => `${m.kind}: \u201c${m.text}\u201d`).join(' \u00b7 ');

/**
 * One topic of the answer review: the exact text customers would see (marked spans in bold), the text to
 * edit, who it answers (everyone, or one account: its most frequent one first), the confirmation of marked
 * spans, and Approve / Reject. A refused approval comes back as the lead left it, the reason under the text.
 */
export function answerReviewCard(p: Proposal, rank: number, accounts: readonly Account[], state: FormState = { values: {}, errors: {} }): AdaptiveCard {
  const data = { t: p.topic, v: p.version, r: rank };
  const source = p.drafted === 'llm' ? 'drafted from several resolutions' : 'its most representative resolution, cleaned';
  const ordered = [...accounts.filter((a) => p.accounts.includes(a.id)), ...accounts.filter((a) => !p.accounts.includes(a.id))].slice(0, MAX_ACCOUNTS);
  const text = state.values[ANSWER_FIELD.answer] ?? p.answer;
  const error = state.errors[ANSWER_FIELD.answer];
  return card(
    [
      plainText(`${rank}. ${p.topic}${p.category ? ` (${p.category})` : ''}`, { weight: 'Bolder', size: 'Medium' }),
      plainText(`${p.volume} conversation${p.volume === 1 ? '' : 's'} \u00b7 ${source}. Customers would see exactly:`, { isSubtle: true, size: 'Small' }),
      { type: 'Container', style: 'emphasis', items: [markedRuns(p.answer, p.marks)] },
      plainText(p.marks.length === 0 ? 'Nothing marked.' : `Marked (likely one ticket\u2019s; edit them out, or confirm them below): ${markList(p.marks)}`, { size: 'Small' }),
      { type: 'Input.Text', id: ANSWER_FIELD.answer, label: 'Answer (what you approve is exactly what customers see, redacted again)', isMultiline: true, maxLength: Math.max(MAX_ANSWER, text.length), value: text },
      ...(error ? [plainText(error, { color: 'Attention', size: 'Small' })] : []),
      {
        type: 'Input.ChoiceSet',
        id: ANSWER_FIELD.scope,
        label: 'Answers',
        value: state.values[ANSWER_FIELD.scope] ?? EVERYONE,
        choices: [{ title: 'Every customer', value: EVERYONE }, ...ordered.map((a) => ({ title: `${a.name} only`, value: a.id }))],
      },
      { type: 'Input.Toggle', id: ANSWER_FIELD.confirm, label: 'Marked spans', title: 'The marked spans left in are right for all it answers', valueOn: CONFIRMED, valueOff: '', ...(state.values[ANSWER_FIELD.confirm] === CONFIRMED ? { value: CONFIRMED } : {}) },
    ],
    [button('Approve', ACTION.approveAnswer, data), button('Reject', ACTION.rejectAnswer, data, { skipInputs: true })],
  );
}

/** The card after a decision: what was decided, by whom, and for an approval the text customers now get. */
export function reviewDecisionCard(topic: string, note: string, answer?: string): AdaptiveCard {
  return card([
    plainText(topic, { weight: 'Bolder' }),
    plainText(note, { color: answer === undefined ? 'Attention' : 'Good' }),
    ...(answer !== undefined ? [plainText('Customers see exactly:', { isSubtle: true, size: 'Small' }), { type: 'Container', style: 'emphasis', items: [plainText(answer)] }] : []),
  ]);
}

/** The answer review as messages: a heading, then one card per topic (each within Teams' card size). */
export function answerReviewActivities(proposals: readonly Proposal[], accounts: readonly Account[]): Partial<Activity>[] {
  if (proposals.length === 0) return [cardActivity(card([plainText('Answers to review', { weight: 'Bolder' }), textBlock('No topic of the imported history waits for review.')]), 'No answers to review')];
  const heading = { type: 'message', text: `Answers to review: top ${proposals.length} topic${proposals.length === 1 ? '' : 's'} of the imported history, most asked first.`, textFormat: 'plain' } as Partial<Activity>;
  return [heading, ...proposals.map((p, i) => cardActivity(answerReviewCard(p, i + 1, accounts), `Answer to review: ${p.topic}`))];
}
