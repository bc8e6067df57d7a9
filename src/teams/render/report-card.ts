import type { Activity } from '@microsoft/agents-activity';
import { pct } from '../../core/metrics/percent.js';
import type { ReportView, SeriesPoint } from '../../core/metrics/report.js';
import { chartTitle, periodLabel, previousLabel } from '../../core/metrics/report-period.js';
import { card, cardActivity, plainText, textBlock, type CardElement } from './adaptive-card.js';
import { reportSections } from './digest-card.js';

const LINES: [legend: string, value: (p: SeriesPoint) => number | undefined][] = [
  ['Escalation rate', (p) => p.escalationRate],
  ['CSAT', (p) => p.csatScore],
  ['First contact resolution', (p) => p.fcrRate],
  ['Healthy share', (p) => p.healthyShare],
];

/**
 * The trend as Teams draws it itself (an Adaptive Card line chart, in percent, one point per point of the
 * report's series): Slack gets a PNG of about 30 KB, some 40 KB as base64, more than the 28 KB Baton keeps
 * a card under, and a bot cannot upload an image to a chat without the lead's consent. A client without
 * charts shows the note.
 */
export function trendChart(v: ReportView): CardElement {
  const data = LINES.map(([legend, value]) => ({
    legend,
    values: v.series.flatMap((p) => {
      const y = value(p);
      return y === undefined ? [] : [{ x: p.day, y: Math.round(y * 1000) / 10 }];
    }),
  })).filter((line) => line.values.length > 0);
  const title = chartTitle(v.request, v.start);
  if (data.length === 0) return plainText(`${title}: no data points in this period.`, { isSubtle: true, size: 'Small' });
  return { type: 'Chart.Line', title, xAxisTitle: 'Day', yAxisTitle: '%', data, fallback: textBlock('This Teams client cannot draw the trend chart; the figures above are the whole report.', { subtle: true }) };
}

/** The report a lead asked for in their chat with Baton: the figures, the breakdowns and the trend chart. */
export function reportActivity(v: ReportView): Partial<Activity> {
  const title = `Baton report \u00b7 ${periodLabel(v.request, v.start)}${v.request.category ? ` \u00b7 ${v.request.category}` : ''}`;
  const body: CardElement[] = [
    plainText(title, { weight: 'Bolder', size: 'Medium' }),
    ...reportSections(v),
    trendChart(v),
    textBlock(`Trends compare with ${previousLabel(v.request)}. Definitions: docs/reports.md, "Outcomes".`, { subtle: true }),
  ];
  return cardActivity(card(body), `${title}: escalation rate ${pct(v.current.escalationRate)}, CSAT ${pct(v.current.csat.score)}`);
}
