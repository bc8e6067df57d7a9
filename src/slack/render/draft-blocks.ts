import type { types } from '@slack/bolt';
import type { DraftFigures, DraftTally } from '../../core/copilot/draft-figures.js';
import { LIMITS } from './block-limits.js';
import { clip, escapeMrkdwn } from './mrkdwn.js';
import { pluralize } from './pluralize.js';
import { deltaPts, pct } from './report-format.js';

type Block = types.KnownBlock;
const MAX_ROWS = 8;

/** "4 offered · 2 sent as is · 1 edited then sent · 1 discarded · 0 waiting · 75% accepted". */
function tallyLine(t: DraftTally, previous?: DraftTally): string {
  const trend = previous ? deltaPts(t.acceptanceRate, previous.acceptanceRate) : '';
  return `${t.offered} offered · ${t.sent} sent as is · ${t.edited} edited then sent · ${t.discarded} discarded · ${t.waiting} waiting · ${pct(t.acceptanceRate)} accepted${trend}`;
}

/**
 * Copilot drafts as `/baton report` and `/baton review` both show them: the period's total, then each
 * category. Nothing when no draft was offered (no account runs in copilot mode), unless the period
 * before had some, so a lead sees the drop.
 */
export function draftBlocks(d: DraftFigures, previous?: DraftTally): Block[] {
  if (d.current.offered === 0 && !previous?.offered) return [];
  const head = `*Copilot drafts*: ${tallyLine(d.current, previous)}${previous ? ` · prev. ${pluralize(previous.offered, 'draft')}, ${pct(previous.acceptanceRate)} accepted` : ''}`;
  const rows = d.byCategory.slice(0, MAX_ROWS).map((r) => `• *${escapeMrkdwn(r.category)}*: ${tallyLine(r.tally)}`);
  const text = rows.length > 0 ? `${head}\n${rows.join('\n')}` : head;
  return [{ type: 'section', text: { type: 'mrkdwn', text: clip(text, LIMITS.sectionText) } }];
}
