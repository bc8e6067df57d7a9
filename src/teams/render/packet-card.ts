import type { HandoffPacket } from '../../core/handoff/handoff-packet.js';
import { ACTION } from '../../core/model/actions.js';
import type { Turn } from '../../core/model/message.js';
import { card, cardActivity, MAX_CARD_BYTES, plainText, textBlock, type AdaptiveCard, type CardElement, button } from './adaptive-card.js';
import { citationWords, draftActions, draftBlocks, draftStatus } from './draft-card.js';

const ROLE: Record<Turn['role'], string> = { customer: 'Customer', staff: 'Staff', bot: 'Baton' };
/** Longest single transcript line; a longer message is cut and marked, the thread link has the rest. */
const MAX_TURN_CHARS = 2000;
/** Room kept for the "earlier messages not shown" line and JSON overhead once the transcript is cut. */
const SLACK_BYTES = 600;
/**
 * The most the summary and the draft may take of the card, so the packet's head never crowds out the
 * conversation, whatever script it is written in; the conversation link has the rest.
 */
const SUMMARY_BYTES = 3000;
const DRAFT_BYTES = 8000;
const ARTICLES_BYTES = 2000;

/** Text cut (and marked) until its JSON form fits `maxBytes`. */
function fitBytes(text: string, maxBytes: number): string {
  let fitted = text;
  for (let size = Buffer.byteLength(JSON.stringify(fitted)); size > maxBytes; size = Buffer.byteLength(JSON.stringify(fitted))) {
    fitted = `${fitted.slice(0, Math.floor((fitted.length - 1) * (maxBytes / size)))}\u2026`;
  }
  return fitted;
}

/** A time each reader sees in their own timezone (Adaptive Card DATE/TIME functions). */
function when(epochMs: number): string {
  const iso = new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `{{DATE(${iso}, SHORT)}} {{TIME(${iso})}}`;
}

function statusBlock(p: HandoffPacket): CardElement {
  if (p.draft) return draftStatus(p, p.draft);
  if (p.status === 'resolved') {
    const tags = p.tags ? ` \u00b7 root cause: ${p.rootCauseLabel ?? p.tags.rootCause} \u00b7 AI ${p.tags.aiAccuracy.replace('_', ' ')} \u00b7 automation ${p.tags.automation}` : '';
    return plainText(`Resolved by ${p.resolvedBy ?? 'a specialist'}${tags}`, { color: 'Good', weight: 'Bolder' });
  }
  if (p.status === 'claimed') return plainText(`Claimed by ${p.claimedBy ?? 'a specialist'}`, { color: 'Accent', weight: 'Bolder' });
  if (p.moved?.direction === 'to') return { ...textBlock(`**SLA breached** ${when(p.moved.at)} \u00b7 moved unclaimed to the ${p.moved.role} queue`), color: 'Attention' };
  if (p.breachedAt !== undefined) return { ...textBlock(`**SLA breached** \u00b7 still unclaimed, promised to the customer by ${when(p.dueAt)}`), color: 'Attention' };
  return { ...textBlock(`**Unclaimed** \u00b7 promised to the customer by ${when(p.dueAt)}`), color: 'Warning' };
}

/** Where a breach moved the escalation, on either queue's card. */
function moveBlock(p: HandoffPacket): CardElement[] {
  if (!p.moved) return [];
  const text = p.moved.direction === 'to'
    ? `Nobody claimed it within the SLA, so it moved to the ${p.moved.role} queue; claim it from either packet.`
    : `Moved here from the ${p.moved.role} queue: nobody claimed it there within its SLA.`;
  return [plainText(text, { isSubtle: true, size: 'Small' })];
}

/** One turn as plain runs: customer words are never read as Markdown or links. */
function turnLine(t: Turn): CardElement {
  const who = t.authorName ? `${ROLE[t.role]} (${t.authorName})` : ROLE[t.role];
  const text = t.text.replace(/\s+/g, ' ');
  const clipped = text.length > MAX_TURN_CHARS ? `${text.slice(0, MAX_TURN_CHARS - 1)}\u2026` : text;
  return { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: `${who} `, weight: 'Bolder' }, { type: 'TextRun', text: clipped }] };
}

/** The newest turns that fit in `budget` bytes, oldest first; older ones are left to the conversation link. */
function transcript(p: HandoffPacket, budget: number): CardElement[] {
  const lines: CardElement[] = [];
  let used = 0;
  for (let i = p.transcript.length - 1; i >= 0; i--) {
    const line = turnLine(p.transcript[i]!);
    used += Buffer.byteLength(JSON.stringify(line)) + 1;
    if (used > budget) break;
    lines.unshift(line);
  }
  const hidden = p.transcript.length - lines.length;
  if (hidden > 0) lines.unshift(plainText(`${hidden} earlier message${hidden === 1 ? '' : 's'} not shown`, { isSubtle: true, size: 'Small' }));
  return lines;
}

/** The packet's "Articles for the team", one a line, as plain runs. */
function articlesBlocks(p: HandoffPacket): CardElement[] {
  if (!p.articles?.length) return [];
  const lines = p.articles.map((c) => `\u2022 ${citationWords(c)}`).join('\n');
  return [plainText('Articles for the team:', { weight: 'Bolder' }), plainText(fitBytes(lines, ARTICLES_BYTES), { isSubtle: true, size: 'Small' })];
}

function facts(p: HandoffPacket): CardElement {
  const list = [
    { title: 'Account', value: `${p.account.name} (${p.account.tier})` },
    { title: 'Queue', value: `${p.queue.role} \u00b7 SLA ${p.queue.sla}` },
    { title: 'Page', value: p.page ?? 'none seen' },
    ...p.signals.map((s) => ({ title: s.label, value: s.value })),
  ];
  return { type: 'FactSet', facts: list.slice(0, 10) };
}

function actions(p: HandoffPacket): CardElement[] {
  const data = { escalationId: p.escalationId };
  const open = p.conversationLink ? [{ type: 'Action.OpenUrl', title: 'Open the conversation', url: p.conversationLink }] : [];
  if (p.draft) return [...draftActions(p.draft, data), ...open];
  if (p.status === 'resolved') return open;
  const first = p.status === 'claimed' ? button('Release', ACTION.release, data) : button('Claim', ACTION.claim, data);
  const assign = button('Assign to\u2026', ACTION.assign, data);
  return [first, button('Reply to customer', ACTION.replyToCustomer, data), button('Add note', ACTION.addNote, data), assign, button('Close', ACTION.close, data), ...open];
}

/** The handoff packet in a Teams queue channel: who, what, why, the conversation, and what a specialist can do. */
export function packetCard(p: HandoffPacket): AdaptiveCard {
  const head: CardElement[] = [
    plainText(`${p.draft ? 'Copilot draft' : 'Escalation'} ${p.escalationId} \u00b7 ${p.category}`, { size: 'Medium', weight: 'Bolder' }),
    statusBlock(p),
    ...moveBlock(p),
    plainText(fitBytes(p.summary, SUMMARY_BYTES)),
    facts(p),
    plainText(`${p.draft ? 'Why it is here' : 'Why it escalated'}: ${p.reason}`),
  ];
  if (p.draftAnswer) head.push(...draftBlocks(p, { ...p.draftAnswer, text: fitBytes(p.draftAnswer.text, DRAFT_BYTES) }));
  head.push(...articlesBlocks(p));
  const frame = card([...head, { ...plainText('Conversation', { weight: 'Bolder' }), separator: true }], actions(p));
  const budget = MAX_CARD_BYTES - Buffer.byteLength(JSON.stringify(frame)) - SLACK_BYTES;
  return { ...frame, body: [...frame.body, ...transcript(p, budget)] };
}

export function packetActivity(p: HandoffPacket) {
  const what = p.draft ? `Copilot draft ${p.escalationId} (${p.category}) for ${p.account.name}: ${p.draft.state}` : `Escalation ${p.escalationId} (${p.category}) for ${p.account.name}: ${p.status}`;
  return cardActivity(packetCard(p), what);
}
