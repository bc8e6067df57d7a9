import type { ReportView } from '../../core/metrics/report.js';
import { periodLabel } from '../../core/metrics/report-period.js';
import { svgToPng } from '../../infra/chart/png.js';
import { trendChartSvg } from '../../infra/chart/trend-chart-svg.js';
import type { FileToShare } from '../gateway/slack-files.js';

/** The report's chart as a PNG ready to upload. */
export function reportChart(v: ReportView): FileToShare {
  const title = `Escalation rate, CSAT, FCR and healthy share, ${periodLabel(v.request, v.start)}${v.request.category ? ` (${v.request.category})` : ''}`;
  return { filename: `baton-trend-${v.request.quarter ? 'quarter' : `${v.request.days}d`}.png`, title, bytes: svgToPng(trendChartSvg(title, v.series)) };
}
