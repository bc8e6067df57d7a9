import type { HandoffPacket } from '../../core/handoff/handoff-packet.js';
import { ACTION } from '../../core/model/actions.js';
import type { Citation, DraftAnswer } from '../../core/model/decision.js';
import { button, plainText, textBlock, type CardElement } from './adaptive-card.js';

type Draft = NonNullable<HandoffPacket['draft']>;

/** Where a copilot draft's review stands, for the packet card's status line. */
export function draftStatus(p: HandoffPacket, d: Draft): CardElement {
  const by = d.by ?? 'a specialist';
  if (d.state === 'sent') return plainText(`Sent as is by ${by}`, { color: 'Good', weight: 'Bolder' });
  if (d.state === 'edited') return plainText(`Edited and sent by ${by}`, { color: 'Good', weight: 'Bolder' });
  if (d.state === 'discarded') return plainText(`Discarded by ${by} \u00b7 nothing of the draft reached the customer`, { weight: 'Bolder' });
  const due = new Date(p.dueAt).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return { ...textBlock(`**Draft waiting for review** \u00b7 the customer has had no answer yet \u00b7 queue SLA until {{DATE(${due}, SHORT)}} {{TIME(${due})}}`), color: 'Warning' };
}

/** An article as staff see it, in plain words: title and section, link, source, and whether it is internal. */
export function citationWords(c: Citation): string {
  return [c.title, c.url, c.source && `from ${c.source}`, c.internal && 'internal'].filter(Boolean).join(', ');
}

/** The draft as it would reach the customer, and its sources, as plain runs. */
export function draftBlocks(p: HandoffPacket, answer: DraftAnswer): CardElement[] {
  const heading = !p.draft ? 'Baton\u2019s draft (not sent):' : p.draft.state === 'pending' ? 'Baton\u2019s draft (nothing is sent until you choose):' : 'Baton\u2019s draft:';
  const sources = answer.citations.map(citationWords).join(' \u00b7 ');
  return [
    plainText(heading, { weight: 'Bolder' }),
    { type: 'Container', style: 'emphasis', items: [textBlock(answer.text), ...(sources ? [plainText(`Sources: ${sources}`, { isSubtle: true, size: 'Small' })] : [])] },
  ];
}

/** Send as is, Edit and send, Discard while it waits; Reply to customer once discarded; nothing once sent. */
export function draftActions(d: Draft, data: { escalationId: string }): CardElement[] {
  if (d.state === 'discarded') return [button('Reply to customer', ACTION.replyToCustomer, data)];
  if (d.state !== 'pending') return [];
  return [button('Send as is', ACTION.sendDraft, data), button('Edit and send', ACTION.editDraft, data), button('Discard', ACTION.discardDraft, data)];
}
