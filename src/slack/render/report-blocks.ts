import type { types } from '@slack/bolt';
import { healthRatio, type Figures } from '../../core/metrics/figures.js';
import type { ReportView } from '../../core/metrics/report.js';
import { periodLabel, previousLabel } from '../../core/metrics/report-period.js';
import { TRIGGER_LABELS } from '../../core/handoff/escalation-reason.js';
import { LIMITS } from './block-limits.js';
import { draftBlocks } from './draft-blocks.js';
import { feedbackBlocks, gapBlocks } from './feedback-blocks.js';
import { clip, escapeMrkdwn } from './mrkdwn.js';
import { pluralize } from './pluralize.js';
import { deltaPts, duration, pct } from './report-format.js';
import { platformLines } from './report-platforms.js';

type Block = types.KnownBlock;
const MAX_ROWS = 15;

function ratio(f: Figures): string {
  const r = healthRatio(f);
  return `${f.health.healthy}:${f.health.frustrated}${r === undefined ? '' : ` (${r.toFixed(1)})`}`;
}

function headline(v: ReportView): string[] {
  const { current: c, previous: p } = v;
  return [
    `*Escalation rate*\n${pct(c.escalationRate)}${deltaPts(c.escalationRate, p.escalationRate)} of ${pluralize(c.matters, 'conversation')}`,
    `*Resolved by Baton*\n${pct(c.batonResolutionRate)}${deltaPts(c.batonResolutionRate, p.batonResolutionRate)}`,
    `*CSAT*\n${pct(c.csat.score)}${deltaPts(c.csat.score, p.csat.score)} of ${pluralize(c.csat.rated, 'rating')}`,
    `*First contact resolution*\n${pct(c.fcrRate)}${deltaPts(c.fcrRate, p.fcrRate)}`,
    `*Healthy : frustrated*\n${ratio(c)} · prev. ${ratio(p)}`,
    `*Reopened*\n${pct(c.reopenRate)} · held ${pluralize(v.heldDays, 'day')} ${pct(c.heldRate)}`,
    `*SLA breaches*\n${v.breaches.current} · prev. ${v.breaches.previous}`,
    `*Asked for a person first*\n${c.health.direct}`,
    `*Clarifying questions*\n${c.clarify.asked} · then answered ${c.clarify.answered}, escalated ${c.clarify.escalated}`,
  ];
}

function categoryLines(v: ReportView): string {
  const rows = v.categories.slice(0, MAX_ROWS).map((r) => {
    const f = r.figures;
    return `• *${escapeMrkdwn(r.category)}*: ${f.matters} conv. · escalated ${pct(f.escalationRate)} · CSAT ${pct(f.csat.score)} · FCR ${pct(f.fcrRate)}`;
  });
  return rows.length > 0 ? `*By category*\n${rows.join('\n')}` : '*By category*\nNo conversations in this period.';
}

function queueLines(v: ReportView): string {
  const rows = v.queues.slice(0, MAX_ROWS).map(
    (q) =>
      `• *${escapeMrkdwn(q.queueId)}*: ${q.escalations} esc. · claim p50 ${duration(q.claimP50)}, p90 ${duration(q.claimP90)} · ` +
      `first response p50 ${duration(q.firstResponseP50)}, p90 ${duration(q.firstResponseP90)} · ` +
      `resolve p50 ${duration(q.resolveP50)}, p90 ${duration(q.resolveP90)} · ${pluralize(q.breaches, 'SLA breach', 'SLA breaches')}`,
  );
  return rows.length > 0 ? `*By queue*\n${rows.join('\n')}` : '*By queue*\nNo escalations in this period.';
}

function triggerLines(v: ReportView): string {
  const rows = v.triggers.map((t) => `• *${TRIGGER_LABELS[t.trigger]}*: ${t.escalations} · prev. ${t.previous}`);
  return rows.length > 0 ? `*Escalations by trigger*\n${rows.join('\n')}` : '*Escalations by trigger*\nNo escalations in this period.';
}

export function reportTitle(v: ReportView): string {
  return `Baton report · ${periodLabel(v.request, v.start)}${v.request.category ? ` · ${v.request.category}` : ''}`;
}

/**
 * The report as blocks: headline figures with the trend, then categories, queues, triggers, copilot
 * drafts, platforms and answer feedback; the digest adds the week's content gaps. Well under 50 blocks.
 */
export function renderReportBlocks(v: ReportView): Block[] {
  return [
    { type: 'header', text: { type: 'plain_text', text: clip(reportTitle(v), LIMITS.headerText) } },
    { type: 'section', fields: headline(v).map((text) => ({ type: 'mrkdwn', text: clip(text, LIMITS.fieldText) })) },
    { type: 'section', text: { type: 'mrkdwn', text: clip(categoryLines(v), LIMITS.sectionText) } },
    { type: 'section', text: { type: 'mrkdwn', text: clip(queueLines(v), LIMITS.sectionText) } },
    { type: 'section', text: { type: 'mrkdwn', text: clip(triggerLines(v), LIMITS.sectionText) } },
    ...draftBlocks(v.drafts, v.drafts.previous),
    { type: 'section', text: { type: 'mrkdwn', text: clip(platformLines(v), LIMITS.sectionText) } },
    ...(v.feedback ? feedbackBlocks(v.feedback) : []),
    ...(v.gaps ? gapBlocks(v.gaps) : []),
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `Trends compare with ${previousLabel(v.request)}. Definitions: docs/reports.md, "Outcomes".` }],
    },
  ];
}

export function reportFallback(v: ReportView): string {
  const c = v.current;
  return clip(`${reportTitle(v)}: escalation rate ${pct(c.escalationRate)}, CSAT ${pct(c.csat.score)}, FCR ${pct(c.fcrRate)}`, LIMITS.fallbackText);
}
