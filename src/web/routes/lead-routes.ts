import type { ServerResponse } from 'node:http';
import { gapsCsv, loadFeedbackReview } from '../../core/feedback/content-gaps.js';
import { nearestInKnowledge } from '../../core/feedback/nearest-articles.js';
import { parseExportArgs } from '../../core/feedback/export-args.js';
import { approveCandidate } from '../../core/feedback/kb-candidate.js';
import { loadTrainingExport } from '../../core/feedback/load-export.js';
import { loadReview } from '../../core/feedback/weekly-review.js';
import { loadReport } from '../../core/metrics/load-report.js';
import { parseReportArgs } from '../../core/metrics/report-command.js';
import { chartTitle, periodLabel } from '../../core/metrics/report-period.js';
import type { Routes } from '../../http/http-server.js';
import { trendChartSvg } from '../../infra/chart/trend-chart-svg.js';
import { escalationBody } from '../normalize.js';
import type { PlaygroundContext } from '../playground-context.js';
import { PLAYGROUND_STAFF } from '../playground-policy.js';
import { readJson, sendJson } from './json-io.js';

/**
 * The query's words, as the slash command would take them: `?days=30&category=billing` is `30d billing`,
 * `?period=quarter` is `quarter`. A `days` that is not a whole number is an error in the query's own
 * terms, not in the command's.
 */
function words(url: string | undefined): { ok: true; words: string[] } | { ok: false; error: string } {
  const q = new URL(url ?? '/', 'http://localhost').searchParams;
  const days = q.get('days');
  if (days && !/^\d+$/.test(days)) return { ok: false, error: `days must be a whole number of days, like 30 (got "${days}").` };
  return { ok: true, words: [days ? `${days}d` : '', q.get('period') ?? '', q.get('category') ?? ''].filter(Boolean) };
}

const APPROVE_REFUSAL = {
  not_lead: 'Only the support leads named in the policy can approve knowledge.',
  not_found: 'This escalation no longer exists.',
  not_a_candidate: 'This escalation has no resolution Baton could answer from.',
  already_approved: 'Already approved and in the knowledge base.',
} as const;

/** The lead's view: the report with its chart, the weekly review with KB candidates, the training export. */
export function serveLeadRoutes(server: Routes, ctx: PlaygroundContext): void {
  const { core } = ctx;

  server.route('GET', '/api/report', async (req, res) => {
    const query = words(req.url);
    if (!query.ok) return sendJson(res, 400, { error: query.error });
    const parsed = parseReportArgs(query.words, core.policy.categories.map((c) => c.name));
    if (!parsed.ok) return sendJson(res, 400, { error: parsed.error });
    const report = await loadReport(core, parsed.request);
    const title = chartTitle(report.request, report.start);
    sendJson(res, 200, { report, label: periodLabel(report.request, report.start), chart: { title, svg: trendChartSvg(title, report.series) } });
  });

  server.route('GET', '/api/review', async (_req, res) => sendJson(res, 200, await loadReview(core)));

  server.route('POST', '/api/approve', async (req, res) => {
    const body = await readJson(req, res, escalationBody);
    if (!body) return;
    const result = await approveCandidate(core, body.escalationId, PLAYGROUND_STAFF.id);
    sendJson(res, result.ok ? 200 : 409, { ok: result.ok, refusal: result.ok ? undefined : APPROVE_REFUSAL[result.reason] });
  });

  for (const format of ['csv', 'jsonl'] as const) {
    server.route('GET', `/api/export.${format}`, async (req, res) => {
      const query = words(req.url);
      if (!query.ok) return sendJson(res, 400, { error: query.error });
      const parsed = parseExportArgs(query.words, core.policy, core.clock.now());
      if (!parsed.ok) return sendJson(res, 400, { error: parsed.error });
      const files = await loadTrainingExport({ ...core, facts: core.loop.facts }, parsed.filter);
      download(res, `baton-escalations.${format}`, format === 'csv' ? files.csv : files.jsonl, format === 'csv' ? 'text/csv' : 'application/x-ndjson');
    });
  }

  // What `/baton gaps` sends a lead: every content gap of the period, by topic.
  server.route('GET', '/api/gaps.csv', async (req, res) => {
    const days = Number(new URL(req.url ?? '/', 'http://localhost').searchParams.get('days') ?? '7');
    if (!Number.isInteger(days) || days < 1 || days > 365) return sendJson(res, 400, { error: 'days must be a whole number of days from 1 to 365.' });
    const { gaps } = await loadFeedbackReview(core.loop.feedback, core.clock.now(), days);
    download(res, 'baton-content-gaps.csv', gapsCsv(gaps, nearestInKnowledge(core)), 'text/csv');
  });
}

function download(res: ServerResponse, filename: string, body: string, type: string): void {
  res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'no-store' }).end(body);
}
