import type { types } from '@slack/bolt';
import type { HandoffPacket } from '../../core/handoff/handoff-packet.js';
import { ACTION } from '../../core/model/actions.js';
import type { Citation } from '../../core/model/decision.js';
import { escapeMrkdwn, link, slackDate } from './mrkdwn.js';

type Draft = NonNullable<HandoffPacket['draft']>;

/** Where a copilot draft's review stands, for the packet's status line. */
export function draftStatusLine(p: HandoffPacket, d: Draft): string {
  const by = escapeMrkdwn(d.by ?? 'a specialist');
  if (d.state === 'sent') return `:white_check_mark: *Sent as is* by ${by}`;
  if (d.state === 'edited') return `:white_check_mark: *Edited and sent* by ${by}`;
  if (d.state === 'discarded') return `:wastebasket: *Discarded* by ${by} \u00b7 nothing of the draft reached the customer`;
  return `:memo: *Draft waiting for review* \u00b7 the customer has had no answer yet \u00b7 queue SLA until ${slackDate(p.dueAt)}`;
}

/** The draft with its sources, labelled with what became of it. */
export function draftHeading(d: Draft | undefined): string {
  if (!d) return 'Baton\u2019s draft (not sent)';
  return d.state === 'pending' ? 'Baton\u2019s draft (nothing is sent until you choose)' : 'Baton\u2019s draft';
}

/** An article as staff see it: linked title and section, then its source, and whether it is internal. */
export function citationText(c: Citation): string {
  const from = c.source ? ` (${escapeMrkdwn(c.source)}${c.internal ? ', internal' : ''})` : c.internal ? ' (internal)' : '';
  return (c.url ? link(c.url, c.title) : escapeMrkdwn(c.title)) + from;
}

export function sourcesLine(p: HandoffPacket): string {
  const sources = p.draftAnswer?.citations ?? [];
  if (sources.length === 0) return '';
  return `\n_Sources:_ ${sources.map(citationText).join(' \u00b7 ')}`;
}

/** The packet's "Articles for the team", one a line; none: no block. */
export function articlesText(p: HandoffPacket): string | undefined {
  if (!p.articles?.length) return undefined;
  return `*Articles for the team:*\n${p.articles.map((c) => `\u2022 ${citationText(c)}`).join('\n')}`;
}

const button = (p: HandoffPacket, action_id: string, text: string, style?: 'primary' | 'danger'): types.Button => ({
  type: 'button',
  action_id,
  text: { type: 'plain_text', text },
  value: p.escalationId,
  ...(style ? { style } : {}),
});

/** Send as is, Edit and send, Discard while it waits; Reply to customer once discarded; nothing once sent. */
export function draftButtons(p: HandoffPacket, d: Draft): types.Button[] {
  if (d.state === 'discarded') return [button(p, ACTION.replyToCustomer, 'Reply to customer')];
  if (d.state !== 'pending') return [];
  const discard: types.Button = {
    ...button(p, ACTION.discardDraft, 'Discard', 'danger'),
    confirm: {
      title: { type: 'plain_text', text: 'Discard this draft?' },
      text: { type: 'plain_text', text: 'Nothing of it is sent. The customer is still waiting: answer them with Reply to customer or in their thread.' },
      confirm: { type: 'plain_text', text: 'Discard' },
      deny: { type: 'plain_text', text: 'Keep it' },
    },
  };
  return [button(p, ACTION.sendDraft, 'Send as is', 'primary'), button(p, ACTION.editDraft, 'Edit and send'), discard];
}
