import type { ReportView } from '../../core/metrics/report.js';
import { svgToPng } from '../../infra/chart/png.js';
import { trendChartSvg } from '../../infra/chart/trend-chart-svg.js';
import type { FileToShare } from '../gateway/slack-files.js';

/** The report's chart as a PNG ready to upload. */
export function reportChart(v: ReportView): FileToShare {
  const title = `Escalation rate and CSAT, last ${v.request.days} days${v.request.category ? ` (${v.request.category})` : ''}`;
  return { filename: `baton-trend-${v.request.days}d.png`, title, bytes: svgToPng(trendChartSvg(title, v.series)) };
}
