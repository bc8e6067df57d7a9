import type { Activity } from '@microsoft/agents-activity';
import type { ReportView } from '../../core/metrics/report.js';
import { periodLabel, previousLabel } from '../../core/metrics/report-period.js';
import { pct } from '../../core/metrics/percent.js';
import { type CardElement, card, cardActivity, plainText, textBlock } from './adaptive-card.js';

/** Rows per section: the digest is a glance, and a card stays far under Teams' size cap. */
const MAX_ROWS = 10;

function fact(title: string, value: string) {
  return { title, value };
}

function headline(v: ReportView): CardElement {
  const { current: c, previous: p } = v;
  return {
    type: 'FactSet',
    facts: [
      fact('Conversations', String(c.matters)),
      fact('Escalation rate', `${pct(c.escalationRate)} (prev. ${pct(p.escalationRate)})`),
      fact('Resolved by Baton', `${pct(c.batonResolutionRate)} (prev. ${pct(p.batonResolutionRate)})`),
      fact('CSAT', `${pct(c.csat.score)} of ${c.csat.rated} (prev. ${pct(p.csat.score)})`),
      fact('First contact resolution', `${pct(c.fcrRate)} (prev. ${pct(p.fcrRate)})`),
      fact('SLA breaches', `${v.breaches.current} (prev. ${v.breaches.previous})`),
    ],
  };
}

/** A titled list; each row is plain text, so a category, queue or topic name never turns into markup. */
function section(title: string, rows: string[], none: string): CardElement[] {
  const shown = rows.length > 0 ? rows.slice(0, MAX_ROWS) : [none];
  return [plainText(title, { weight: 'Bolder' }), ...shown.map((row) => plainText(`\u2022 ${row}`))];
}

/** The report's figures, then up to MAX_ROWS rows each by category, queue, platform and gap: the digest's and the report command's body. */
export function reportSections(v: ReportView): CardElement[] {
  return [
    headline(v),
    ...section('By category', v.categories.map((r) => `${r.category}: ${r.figures.matters} conv. \u00b7 escalated ${pct(r.figures.escalationRate)} \u00b7 CSAT ${pct(r.figures.csat.score)}`), 'No conversations in this period.'),
    ...section('By queue', v.queues.map((q) => `${q.queueId}: ${q.escalations} esc. \u00b7 ${q.breaches} SLA breaches`), 'No escalations in this period.'),
    ...section('By platform', v.platforms.map((r) => `${r.label}: ${r.figures.matters} conv. \u00b7 escalated ${pct(r.figures.escalationRate)} \u00b7 CSAT ${pct(r.figures.csat.score)}`), 'No conversations in this period.'),
    ...section('What Baton could not answer', (v.gaps ?? []).map((g) => `${g.topic}: ${g.count} question${g.count === 1 ? '' : 's'}`), 'Nothing in this period.'),
  ];
}

/** The weekly digest in a Teams channel of the vendor's team: the report's headline, then where to look. */
export function digestActivity(v: ReportView): Partial<Activity> {
  const title = `Baton weekly digest \u00b7 ${periodLabel(v.request, v.start)}`;
  const body: CardElement[] = [
    plainText(title, { weight: 'Bolder', size: 'Medium' }),
    ...reportSections(v),
    textBlock(`Trends compare with ${previousLabel(v.request)}. Definitions: docs/reports.md, "Outcomes"; details: \u201creport\u201d in a chat with Baton, or /baton report in Slack.`, { subtle: true }),
  ];
  return cardActivity(card(body), `${title}: escalation rate ${pct(v.current.escalationRate)}, CSAT ${pct(v.current.csat.score)}`);
}
