import type { SeriesPoint } from '../../core/metrics/report.js';

const W = 800;
const H = 400;
const PAD = { left: 60, right: 24, top: 56, bottom: 56 };
const FONT = 'DejaVu Sans, Arial, Helvetica, sans-serif';
const LINES = [
  { key: 'escalationRate', label: 'Escalation rate', color: '#d9480f' },
  { key: 'csatScore', label: 'CSAT (4-5 of 5)', color: '#2b8a3e' },
  { key: 'fcrRate', label: 'First contact resolution', color: '#1971c2' },
  { key: 'healthyShare', label: 'Healthy / (healthy + frustrated)', color: '#7048e8' },
] as const;
const LEGEND_W = 180;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** "7 Dec" for the point's calendar day (already in the report's zone). */
function dayLabel(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

/** Every series shares a 0-100% axis; gaps (no conversations, no ratings) break the line rather than drop to zero. */
function path(points: SeriesPoint[], key: (typeof LINES)[number]['key'], x: (i: number) => number, y: (v: number) => number): string {
  let d = '';
  let pen = false;
  points.forEach((p, i) => {
    const v = p[key];
    if (v === undefined) {
      pen = false;
      return;
    }
    d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)} `;
    pen = true;
  });
  return d.trim();
}

function dots(points: SeriesPoint[], line: (typeof LINES)[number], x: (i: number) => number, y: (v: number) => number): string {
  return points
    .map((p, i) => (p[line.key] === undefined ? '' : `<circle cx="${x(i).toFixed(1)}" cy="${y(p[line.key]!).toFixed(1)}" r="3.5" fill="${line.color}"/>`))
    .join('');
}

/** An SVG line chart of escalation rate, CSAT, FCR and the healthy share over the report's period. */
export function trendChartSvg(title: string, points: SeriesPoint[]): string {
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (points.length <= 1 ? plotW / 2 : (i * plotW) / (points.length - 1));
  const y = (v: number) => PAD.top + plotH * (1 - v);
  const grid = [0, 0.25, 0.5, 0.75, 1]
    .map((v) => `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(v)}" y2="${y(v)}" stroke="#e9ecef"/><text x="${PAD.left - 8}" y="${y(v) + 4}" text-anchor="end" font-size="12" fill="#495057">${v * 100}%</text>`)
    .join('');
  const every = Math.max(1, Math.ceil(points.length / 8));
  const ticks = points
    .map((p, i) => (i % every === 0 ? `<text x="${x(i)}" y="${H - PAD.bottom + 20}" text-anchor="middle" font-size="12" fill="#495057">${dayLabel(p.day)}</text>` : ''))
    .join('');
  const legend = LINES.map(
    (l, i) => `<rect x="${10 + i * LEGEND_W}" y="${H - 22}" width="14" height="4" fill="${l.color}"/><text x="${10 + i * LEGEND_W + 18}" y="${H - 16}" font-size="11" fill="#212529">${l.label}</text>`,
  ).join('');
  const lines = LINES.map(
    (l) => `<path d="${path(points, l.key, x, y)}" fill="none" stroke="${l.color}" stroke-width="2.5"/>${dots(points, l, x, y)}`,
  ).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${FONT}">` +
    `<rect width="${W}" height="${H}" fill="#ffffff"/>` +
    `<text x="${PAD.left}" y="32" font-size="18" font-weight="bold" fill="#212529">${esc(title)}</text>` +
    `${grid}${ticks}${lines}${legend}</svg>`;
}
