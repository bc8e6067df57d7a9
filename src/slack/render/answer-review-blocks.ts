import type { types } from '@slack/bolt';
import { ACTION } from '../../core/model/actions.js';
import type { Mark } from '../../core/suggest/mark-spans.js';
import type { Proposal } from '../../core/suggest/propose-answer.js';
import { encodeAnswerValue } from '../normalize/answer-value.js';
import { LIMITS } from './block-limits.js';
import { clip, escapeMrkdwn } from './mrkdwn.js';

type Block = types.KnownBlock;

/** Topics a review message holds: four blocks each stays well under Slack's 50 blocks a message. */
export const TOPICS_PER_MESSAGE = 10;

export const answerBlockId = (topic: string) => `answer:${topic}`;

/** The exact text, each marked span in bold: formatting only, so the words are the ones customers get. */
export function markedMrkdwn(text: string, marks: readonly Mark[]): string {
  let out = '';
  let at = 0;
  for (const m of marks) {
    out += `${escapeMrkdwn(text.slice(at, m.start))}*${escapeMrkdwn(m.text)}*`;
    at = m.end;
  }
  return `${out}${escapeMrkdwn(text.slice(at))}`;
}

const button = (action: string, text: string, value: string, style?: 'primary' | 'danger', confirm?: types.ConfirmationDialog): types.Button => ({
  type: 'button',
  action_id: action,
  text: { type: 'plain_text', text: clip(text, 75) },
  value,
  ...(style ? { style } : {}),
  ...(confirm ? { confirm } : {}),
});

const dialog = (title: string, text: string, yes: string): types.ConfirmationDialog => ({
  title: { type: 'plain_text', text: title },
  text: { type: 'plain_text', text: clip(text, LIMITS.confirmText) },
  confirm: { type: 'plain_text', text: yes },
  deny: { type: 'plain_text', text: 'Not yet' },
});

type Account = { id: string; name: string };

function topicBlocks(p: Proposal, rank: number, account: Account | undefined): Block[] {
  const source = p.drafted === 'llm' ? 'drafted from several resolutions' : 'its most representative resolution, cleaned';
  const head = `*${rank}. ${escapeMrkdwn(p.topic)}*${p.category ? ` (${escapeMrkdwn(p.category)})` : ''} · ${p.volume} conversation${p.volume === 1 ? '' : 's'} · ${source}\nCustomers would see exactly:`;
  const body = `${head}\n>${markedMrkdwn(p.answer, p.marks).replace(/\n/g, '\n>')}`;
  const marked = p.marks.length === 0 ? 'Nothing marked.' : `*Marked* (likely one ticket's; edit, or confirm in Edit): ${p.marks.map((m) => `${m.kind}: “${escapeMrkdwn(m.text)}”`).join(' · ')}`;
  const value = { t: p.topic, v: p.version };
  const buttons = [
    button(ACTION.approveAnswer, 'Approve for everyone', encodeAnswerValue(value), 'primary', dialog('Answer every customer?', `Baton answers every customer's questions on ${p.topic} with this text, exactly as shown.`, 'Approve')),
    ...(account ? [button(ACTION.approveAnswerForAccount, `Approve for ${account.name} only`, encodeAnswerValue({ ...value, a: account.id }))] : []),
    button(ACTION.editAnswer, 'Edit…', encodeAnswerValue(value)),
    button(ACTION.rejectAnswer, 'Reject', encodeAnswerValue(value), 'danger', dialog('Reject this answer?', `${p.topic} is not proposed again.`, 'Reject')),
  ];
  return [
    { type: 'section', text: { type: 'mrkdwn', text: clip(body, LIMITS.sectionText) } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: clip(marked, LIMITS.sectionText) }] },
    { type: 'actions', block_id: answerBlockId(p.topic), elements: buttons },
  ];
}

/**
 * The answer review: the history's top topics, each with the exact text customers would see (marked
 * spans in bold, listed below) and its buttons. One message per TOPICS_PER_MESSAGE topics.
 * `accountOf` names the account a topic's "Approve for" button offers (its most frequent one in the policy).
 */
export function renderAnswerReview(proposals: readonly Proposal[], accountOf: (p: Proposal) => Account | undefined): Block[][] {
  if (proposals.length === 0) return [[{ type: 'section', text: { type: 'mrkdwn', text: '*Answers to review*\nNo topic of the imported history waits for review.' } }]];
  const messages: Block[][] = [];
  for (let i = 0; i < proposals.length; i += TOPICS_PER_MESSAGE) {
    const part = proposals.slice(i, i + TOPICS_PER_MESSAGE);
    const header: Block = { type: 'header', text: { type: 'plain_text', text: `Answers to review: top topics ${i + 1}-${i + part.length}` } };
    messages.push([header, ...part.flatMap((p, j) => [...(j > 0 ? [{ type: 'divider' } as Block] : []), ...topicBlocks(p, i + j + 1, accountOf(p))])]);
  }
  return messages;
}

/** The message after a decision: that topic's buttons give way to what was decided, by whom. */
export function withDecision(blocks: Record<string, unknown>[], topic: string, note: string): unknown[] | undefined {
  const at = blocks.findIndex((b) => b.block_id === answerBlockId(topic));
  return at < 0 ? undefined : blocks.map((b, i) => (i === at ? { type: 'context', elements: [{ type: 'mrkdwn', text: note }] } : b));
}
