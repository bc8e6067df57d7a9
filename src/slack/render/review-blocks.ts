import type { types } from '@slack/bolt';
import type { CandidateView, Count, ReviewView } from '../../core/feedback/weekly-review.js';
import { ACTION } from '../../core/model/actions.js';
import { LIMITS } from './block-limits.js';
import { draftBlocks } from './draft-blocks.js';
import { feedbackBlocks, gapBlocks } from './feedback-blocks.js';
import { clip, escapeMrkdwn } from './mrkdwn.js';
import { pluralize } from './pluralize.js';

type Block = types.KnownBlock;

function counts(title: string, list: Count[]): string {
  const lines = list.map((c) => `• ${escapeMrkdwn(c.label)}: *${c.count}*`);
  return `*${title}*\n${lines.length > 0 ? lines.join('\n') : 'none'}`;
}

const quote = (text: string, max: number) => `>${escapeMrkdwn(clip(text.replace(/\s+/g, ' ').trim(), max))}`;

/** What approving does, said before the click: whose questions it answers, and what was taken out. */
function approveConfirmation(account: string): string {
  return `From now on Baton answers similar questions from ${account} with this resolution, as shown here, with names, emails, phone numbers, card and bank numbers, addresses, references and secrets removed. Other customers never see it.`;
}

const candidateBlockId = (escalationId: string) => `candidate:${escalationId}`;

function approvedNote(userId: string): Block {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: `:white_check_mark: Approved by <@${userId}> and in the knowledge base` }] };
}

/**
 * A review message as Slack holds it, after a lead approved one of its candidates: that candidate's
 * Approve button gives way to who approved it, so nobody presses it again. Undefined when the message
 * has no such button (already replaced, or not a review).
 */
export function withApproval(blocks: Record<string, unknown>[], escalationId: string, userId: string): unknown[] | undefined {
  const at = blocks.findIndex((b) => b.block_id === candidateBlockId(escalationId));
  return at < 0 ? undefined : blocks.map((b, i) => (i === at ? approvedNote(userId) : b));
}

/** Opens the edit step: the lead rewrites the resolution for everyone before it is shared. */
function shareButton(escalationId: string): types.Button {
  return { type: 'button', action_id: ACTION.shareCandidate, text: { type: 'plain_text', text: 'Edit and share with everyone' }, value: escalationId };
}

function sharedNote(userId: string): Block {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: `:globe_with_meridians: Shared with every customer by <@${userId}>` }] };
}

function candidateBlocks(c: CandidateView): Block[] {
  const text = `*${escapeMrkdwn(c.escalationId)}* · ${escapeMrkdwn(c.account)} · ${escapeMrkdwn(c.category)}\n*Customer asked*\n${quote(c.question, 600)}\n*Specialist resolution*\n${quote(c.answer, 1500)}`;
  const section: Block = { type: 'section', text: { type: 'mrkdwn', text: clip(text, LIMITS.sectionText) } };
  const notes = [...(c.approvedBy ? [approvedNote(c.approvedBy)] : []), ...(c.sharedBy ? [sharedNote(c.sharedBy)] : [])];
  if (c.sharedBy) return [section, ...notes];
  if (c.approvedBy) return [section, ...notes, { type: 'actions', block_id: `share:${c.escalationId}`, elements: [shareButton(c.escalationId)] }];
  const approve: types.Button = {
    type: 'button',
    action_id: ACTION.approveCandidate,
    style: 'primary',
    text: { type: 'plain_text', text: 'Approve for the KB' },
    value: c.escalationId,
    confirm: {
      title: { type: 'plain_text', text: 'Add to the knowledge base?' },
      text: { type: 'plain_text', text: clip(approveConfirmation(c.account), LIMITS.confirmText) },
      confirm: { type: 'plain_text', text: 'Approve' },
      deny: { type: 'plain_text', text: 'Not yet' },
    },
  };
  return [section, { type: 'actions', block_id: candidateBlockId(c.escalationId), elements: [approve, shareButton(c.escalationId)] }];
}

function accuracyNote(): Block {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: 'AI accuracy counts each reviewed draft: sent as is as correct, edited as partially correct, discarded as off-base.' }] };
}

/** The weekly review agenda: counts by each tag, then each KB candidate with its Approve button. */
export function renderReviewBlocks(v: ReviewView): Block[] {
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: 'Weekly review · last 7 days' } },
    { type: 'section', text: { type: 'mrkdwn', text: `*${pluralize(v.tagged, 'escalation')}* closed and tagged this week.` } },
    ...draftBlocks(v.drafts),
    ...(v.drafts.current.offered > 0 ? [accuracyNote()] : []),
    {
      type: 'section',
      fields: [counts('Root cause', v.byRootCause), counts('AI accuracy', v.byAccuracy), counts('Automation potential', v.byAutomation)].map((text) => ({
        type: 'mrkdwn',
        text: clip(text, LIMITS.fieldText),
      })),
    },
    ...feedbackBlocks(v.feedback),
    { type: 'divider' },
    ...gapBlocks(v.gaps),
    { type: 'divider' },
    { type: 'section', text: { type: 'mrkdwn', text: v.candidates.length > 0 ? '*KB candidates* (automation potential "yes")' : '*KB candidates*\nNone this week.' } },
    ...v.candidates.flatMap(candidateBlocks),
  ];
  if (v.moreCandidates > 0) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `${pluralize(v.moreCandidates, 'more candidate', 'more candidates')}; approve these first.` }] });
  return blocks;
}
