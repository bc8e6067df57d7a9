import type { types } from '@slack/bolt';
import type { HandoffPacket } from '../../core/handoff/handoff-packet.js';
import { ACTION } from '../../core/model/actions.js';
import type { Turn } from '../../core/model/message.js';
import { LIMITS } from './block-limits.js';
import { clip, escapeMrkdwn, link, markdownToMrkdwn, slackDate } from './mrkdwn.js';
import type { SlackMessage } from './slack-message.js';
import { articlesText, draftButtons, draftHeading, draftStatusLine, sourcesLine } from './draft-packet.js';

type Block = types.KnownBlock;

/** Room left for the transcript once the fixed parts of the packet are in. */
const TRANSCRIPT_SECTIONS = 6;
const ROLE: Record<Turn['role'], string> = { customer: 'Customer', staff: 'Staff', bot: 'Baton' };

function statusLine(p: HandoffPacket): string {
  if (p.draft) return draftStatusLine(p, p.draft);
  if (p.status === 'resolved') {
    const cause = escapeMrkdwn(p.rootCauseLabel ?? p.tags?.rootCause ?? '');
    const tags = p.tags ? ` \u00b7 root cause: ${cause} \u00b7 AI ${p.tags.aiAccuracy.replace('_', ' ')} \u00b7 automation ${p.tags.automation}` : '';
    return `:white_check_mark: *Resolved* by ${escapeMrkdwn(p.resolvedBy ?? 'a specialist')}${tags}`;
  }
  if (p.status === 'claimed') return `:raising_hand: *Claimed* by ${escapeMrkdwn(p.claimedBy ?? 'a specialist')}`;
  if (p.moved?.direction === 'to') return `:rotating_light: *SLA breached* ${slackDate(p.moved.at)} \u00b7 moved unclaimed to the ${escapeMrkdwn(p.moved.role)} queue`;
  if (p.breachedAt !== undefined) return `:rotating_light: *SLA breached* \u00b7 still unclaimed, promised to the customer by ${slackDate(p.dueAt)}`;
  return `:hourglass_flowing_sand: *Unclaimed* \u00b7 promised to the customer by ${slackDate(p.dueAt)}`;
}

/** Where a breach moved the escalation, for a packet that is no longer (or not first) in its queue. */
function moveLine(p: HandoffPacket): string | undefined {
  if (!p.moved) return undefined;
  const role = escapeMrkdwn(p.moved.role);
  return p.moved.direction === 'to'
    ? `Nobody claimed it within the SLA, so it moved to the ${role} queue ${slackDate(p.moved.at)}; claim it from either packet.`
    : `Moved here from the ${role} queue ${slackDate(p.moved.at)}: nobody claimed it there within its SLA.`;
}

function turnLine(t: Turn): string {
  const who = t.authorName ? `${ROLE[t.role]} (${escapeMrkdwn(t.authorName)})` : ROLE[t.role];
  return `*${who}* ${slackDate(t.at, '{time}')}: ${escapeMrkdwn(t.text.replace(/\s+/g, ' '))}`;
}

/** The newest turns that fit; older ones are left behind a link to the full conversation, never rejected. */
function transcriptBlocks(p: HandoffPacket): Block[] {
  const sections: string[] = [];
  let current = '';
  let shown = 0;
  for (let i = p.transcript.length - 1; i >= 0 && sections.length < TRANSCRIPT_SECTIONS; i--) {
    const line = clip(turnLine(p.transcript[i]!), LIMITS.sectionText - 2);
    if (current.length + line.length + 1 > LIMITS.sectionText) {
      sections.push(current);
      current = '';
      if (sections.length >= TRANSCRIPT_SECTIONS) break;
    }
    current = current ? `${line}\n${current}` : line;
    shown++;
  }
  if (current && sections.length < TRANSCRIPT_SECTIONS) sections.push(current);
  const blocks: Block[] = sections.reverse().map((text) => ({ type: 'section', text: { type: 'mrkdwn', text } }));
  const hidden = p.transcript.length - shown;
  const more = p.conversationLink ? link(p.conversationLink, 'Open the full conversation') : 'the customer thread has the rest';
  if (hidden > 0) blocks.unshift({ type: 'context', elements: [{ type: 'mrkdwn', text: `${hidden} earlier message${hidden === 1 ? '' : 's'} not shown \u00b7 ${more}` }] });
  else if (p.conversationLink) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: link(p.conversationLink, 'Open the conversation') }] });
  return blocks;
}

function buttons(p: HandoffPacket): Block[] {
  if (p.draft) {
    const elements = draftButtons(p, p.draft);
    return elements.length > 0 ? [{ type: 'actions', block_id: `packet:${p.escalationId}`, elements }] : [];
  }
  if (p.status === 'resolved') return [];
  const button = (action_id: string, text: string, style?: 'primary' | 'danger'): types.Button => ({
    type: 'button',
    action_id,
    text: { type: 'plain_text', text },
    value: p.escalationId,
    ...(style ? { style } : {}),
  });
  const first = p.status === 'claimed' ? button(ACTION.release, 'Release') : button(ACTION.claim, 'Claim', 'primary');
  // The picker carries no value: the block id names the escalation (slack/actions/assign.ts reads it).
  const assign: types.UsersSelect = { type: 'users_select', action_id: ACTION.assign, placeholder: { type: 'plain_text', text: 'Assign to…' } };
  const elements = [first, button(ACTION.replyToCustomer, 'Reply to customer'), button(ACTION.addNote, 'Add note'), assign, button(ACTION.close, 'Close')];
  return [{ type: 'actions', block_id: `packet:${p.escalationId}`, elements }];
}

/** The handoff packet in the specialist channel: who, what, why, and the whole conversation. */
export function renderPacketMessage(p: HandoffPacket): SlackMessage {
  const account = p.account.crmUrl ? link(p.account.crmUrl, p.account.name) : escapeMrkdwn(p.account.name);
  const fields = [
    `*Account*\n${account} (${escapeMrkdwn(p.account.tier)})`,
    `*Queue*\n${escapeMrkdwn(p.queue.role)} \u00b7 SLA ${escapeMrkdwn(p.queue.sla)}`,
    `*Page*\n${p.page ? escapeMrkdwn(p.page) : 'none seen'}`,
    ...p.signals.map((s) => `*${escapeMrkdwn(s.label)}*\n${escapeMrkdwn(s.value)}`),
  ].slice(0, 10);
  const move = moveLine(p);
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(`${p.draft ? 'Copilot draft' : 'Escalation'} ${p.escalationId} \u00b7 ${p.category}`, LIMITS.headerText) } },
    { type: 'section', text: { type: 'mrkdwn', text: statusLine(p) } },
    ...(move ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: move }] } as Block] : []),
    { type: 'section', text: { type: 'mrkdwn', text: clip(escapeMrkdwn(p.summary), LIMITS.sectionText) } },
    { type: 'section', fields: fields.map((text) => ({ type: 'mrkdwn', text: clip(text, LIMITS.fieldText) })) },
    { type: 'section', text: { type: 'mrkdwn', text: clip(`*${p.draft ? 'Why it is here' : 'Why it escalated'}:* ${escapeMrkdwn(p.reason)}`, LIMITS.sectionText) } },
  ];
  if (p.draftAnswer) {
    const text = `*${draftHeading(p.draft)}:*\n>${markdownToMrkdwn(p.draftAnswer.text).replace(/\n/g, '\n>')}${sourcesLine(p)}`;
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(text, LIMITS.sectionText) } });
  }
  const articles = articlesText(p);
  if (articles) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(articles, LIMITS.sectionText) } });
  blocks.push({ type: 'divider' }, ...transcriptBlocks(p), ...buttons(p));
  const fallback = p.draft
    ? `Copilot draft ${p.escalationId} (${p.category}) for ${p.account.name}: ${p.draft.state}`
    : `Escalation ${p.escalationId} (${p.category}) for ${p.account.name}: ${p.status}`;
  return { text: clip(fallback, LIMITS.fallbackText), blocks };
}
