import type { types } from '@slack/bolt';
import type { FeedbackFigures, VoteCount } from '../../core/feedback/feedback-figures.js';
import type { GapGroup } from '../../core/feedback/gap-groups.js';
import { LIMITS } from './block-limits.js';
import { clip, escapeMrkdwn } from './mrkdwn.js';
import { pluralize } from './pluralize.js';
import { pct } from './report-format.js';

type Block = types.KnownBlock;
const MAX_ROWS = 8;
/** Topics the review and digest show; the CSV (`/baton gaps`) has every one. */
export const MAX_GAPS = 8;

const votes = (c: VoteCount) => pluralize(c.helpful + c.notHelpful, 'vote');
const rateLine = (c: VoteCount) => `• *${escapeMrkdwn(c.key)}*: ${pct(c.rate)} helpful of ${votes(c)}`;

function rows(title: string, list: VoteCount[]): string {
  return list.length > 0 ? `*${title}*\n${list.slice(0, MAX_ROWS).map(rateLine).join('\n')}` : `*${title}*\nnone`;
}

/** Helpful / Not helpful on Baton's answers: overall, then by category and by knowledge source side by side. */
export function feedbackBlocks(f: FeedbackFigures): Block[] {
  const t = f.total;
  const head = t.helpful + t.notHelpful > 0 ? `*Answer feedback*: ${pct(t.rate)} helpful of ${votes(t)} (${t.notHelpful} not helpful)` : '*Answer feedback*: no votes on answers in this period.';
  const blocks: Block[] = [{ type: 'section', text: { type: 'mrkdwn', text: head } }];
  if (t.helpful + t.notHelpful === 0) return blocks;
  blocks.push({
    type: 'section',
    fields: [rows('Helpful by category', f.byCategory), rows('Helpful by knowledge source', f.bySource)].map((text) => ({ type: 'mrkdwn', text: clip(text, LIMITS.fieldText) })),
  });
  return blocks;
}

function gapCounts(g: GapGroup): string {
  const parts = [
    g.noSource > 0 ? `${g.noSource} no source` : '',
    g.belowThreshold > 0 ? `${g.belowThreshold} below threshold` : '',
    g.notHelpful > 0 ? `${g.notHelpful} not helpful` : '',
  ].filter(Boolean);
  return `${pluralize(g.count, 'question')} (${parts.join(', ')}) · ${pluralize(g.accounts, 'account')}`;
}

function gapText(g: GapGroup): string {
  const where = g.topic === g.category ? '' : ` · ${escapeMrkdwn(g.category)}`;
  const examples = g.examples.map((q) => `>${escapeMrkdwn(clip(q, 200))}`).join('\n');
  return `*${escapeMrkdwn(g.topic)}*${where} · ${gapCounts(g)}\n${examples}`;
}

/** What Baton could not answer, largest topic first, each with its example questions (already redacted). */
export function gapBlocks(gaps: GapGroup[]): Block[] {
  if (gaps.length === 0) return [{ type: 'section', text: { type: 'mrkdwn', text: '*Content gaps*\nNone: Baton had an answer for every question it was asked.' } }];
  const blocks: Block[] = [
    { type: 'section', text: { type: 'mrkdwn', text: '*Content gaps*: what Baton could not answer, by topic. Each is a suggestion for a new or better article.' } },
    ...gaps.slice(0, MAX_GAPS).map((g): Block => ({ type: 'section', text: { type: 'mrkdwn', text: clip(gapText(g), LIMITS.sectionText) } })),
  ];
  const more = gaps.length - MAX_GAPS;
  const tail = `${more > 0 ? `${pluralize(more, 'more topic')} not shown. ` : ''}\`/baton gaps\` sends every topic as CSV.`;
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: tail }] });
  return blocks;
}
