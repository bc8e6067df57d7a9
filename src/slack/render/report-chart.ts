import type { ReportView } from '../../core/metrics/report.js';
import { chartTitle } from '../../core/metrics/report-period.js';
import { svgToPng } from '../../infra/chart/png.js';
import { trendChartSvg } from '../../infra/chart/trend-chart-svg.js';
import type { FileToShare } from '../gateway/slack-files.js';

/** The report's chart as a PNG ready to upload. */
export function reportChart(v: ReportView): FileToShare {
  const title = chartTitle(v.request, v.start);
  return { filename: `baton-trend-${v.request.quarter ? 'quarter' : `${v.request.days}d`}.png`, title, bytes: svgToPng(trendChartSvg(title, v.series)) };
}
