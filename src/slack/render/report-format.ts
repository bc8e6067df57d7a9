/** Number formats shared by the report, home and digest renderers. */
export { pct } from '../../core/metrics/percent.js';

/** Change in percentage points against the previous period, with an arrow a reader can scan. */
export function deltaPts(now: number | undefined, before: number | undefined): string {
  if (now === undefined || before === undefined) return '';
  const d = Math.round((now - before) * 100);
  if (d === 0) return ' (= prev.)';
  return ` (${d > 0 ? '▲' : '▼'} ${Math.abs(d)} pts)`;
}

export function duration(ms: number | undefined): string {
  if (ms === undefined) return '–';
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** 2025-01-31, for file names. */
export function utcDayLabel(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}
