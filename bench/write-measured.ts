/**
 * Writes the figures of a bench run into docs/measured.md (`npm run bench -- --write-measured`): each
 * generated part sits between `<!-- bench:NAME -->` and `<!-- /bench:NAME -->` and is replaced whole,
 * with the date and the machine's load average when it was measured. Parts not run are left as they are.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { ReportBenchResult } from './report-bench.js';
import type { BatonStartups, StartupFigures } from './startup-bench.js';

type Load = { load: [number, number] };

export interface DecisionFigures {
  size: number;
  decisions: number;
  p50: number;
  p99: number;
  max: number;
  cpuP99: number;
  peakRss: number;
  ingestPerSec: number;
}

export interface Measured {
  decisions?: (DecisionFigures & Load)[];
  reports?: ReportBenchResult & Load;
  startup?: { bare: StartupFigures; baton: Record<number, BatonStartups> } & Load;
}

const size = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n));
const ms = (v: number) => `${v < 10 ? v.toFixed(2) : v.toFixed(0)} ms`;
const load = ({ load: [a, b] }: Load) => `${a.toFixed(1)}–${b.toFixed(1)}`;
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;

function decisionTable(rows: (DecisionFigures & Load)[], day: string): string {
  return [
    `Measured ${day}, \`npm run bench ${rows.map((r) => r.size).join(' ')}\` (${rows[0]!.decisions.toLocaleString('en')} decisions a size):`,
    '',
    row(['KB size', 'p50', 'p99', 'max', 'CPU p99', 'peak RSS', 'ingest', 'load (1 min)']),
    row(Array(8).fill('---')),
    ...rows.map((r) => row([size(r.size), ms(r.p50), ms(r.p99), ms(r.max), ms(r.cpuP99), `${r.peakRss.toFixed(0)} MB`, `${Math.round(r.ingestPerSec).toLocaleString('en')} entries/s`, load(r)])),
  ].join('\n');
}

function reportTable(r: ReportBenchResult & Load, day: string): string {
  const periods = Object.keys(r.first);
  const line = (name: string, t: Record<string, number>) => row([name, ...periods.map((p) => `${t[p]} ms`)]);
  return [
    `Measured ${day}, \`npm run bench -- --only=reports --escalations=${r.escalations}\`: ${r.escalations.toLocaleString('en')} escalations (${r.conversations.toLocaleString('en')} conversations over 180 days, SQLite), load ${load(r)}; target < 1 s each:`,
    '',
    row(['', ...periods]),
    row(Array(periods.length + 1).fill('---')),
    line('first reports after an import, once the scheduler\'s sweeps have classified the days', r.first),
    line('cold (a fresh process)', r.cold),
    line('warm', r.warm),
    line('after 50 new escalations today and 10 comebacks from the past week', r.afterEscalations),
    line('CPU time: first reports after an import', r.cpu.first),
    line('CPU time: cold', r.cpu.cold),
    line('CPU time: warm', r.cpu.warm),
    line('CPU time: after new escalations', r.cpu.afterEscalations),
    '',
    `The scheduler's sweeps that classify every report day after the import took ${(r.classified / 1000).toFixed(1)} s in all, in ${r.sweeps} sweeps of at most ${(r.longestSweep / 1000).toFixed(1)} s; peak RSS of the fresh process ${r.peakRssMb} MB.`,
  ].join('\n');
}

function startupTable(s: NonNullable<Measured['startup']>, day: string): string {
  const sizes = Object.keys(s.baton).map(Number);
  return [
    `Measured ${day}, \`npm run bench -- --only=startup\` (dist/main.js on SQLite against the fake Slack: the first start builds the index and saves it, then the median of two starts that load it), load ${load(s)}:`,
    '',
    row(['', 'knowledge file', 'spawn to serving', 'spawn to ready (/readyz 200)', 'CPU to ready', 'idle RSS']),
    row(Array(6).fill('---')),
    row(['bare Bolt app', '-', ms(s.bare.servingMs), '-', ms(s.bare.readyCpuMs), `${s.bare.idleRssMb.toFixed(0)} MB`]),
    ...sizes.flatMap((n) => {
      const b = s.baton[n]!;
      return [
        row([`Baton, ${size(n)} entries, first start (builds the index)`, `${b.kbMb.toFixed(0)} MB`, ms(b.first.servingMs), ms(b.first.readyMs), ms(b.first.readyCpuMs), `${b.first.idleRssMb.toFixed(0)} MB`]),
        row([`Baton, ${size(n)} entries, saved index loaded`, `${b.kbMb.toFixed(0)} MB`, ms(b.servingMs), ms(b.readyMs), ms(b.readyCpuMs), `${b.idleRssMb.toFixed(0)} MB`]),
      ];
    }),
  ].join('\n');
}

/** Replaces the text between a part's markers; a page without them is an error (the markers are the contract). */
function replacePart(page: string, name: string, text: string): string {
  const open = `<!-- bench:${name} -->`;
  const close = `<!-- /bench:${name} -->`;
  const a = page.indexOf(open);
  const b = page.indexOf(close);
  if (a < 0 || b < a) throw new Error(`docs/measured.md has no ${open} ... ${close} block`);
  return `${page.slice(0, a + open.length)}\n${text}\n${page.slice(b)}`;
}

export function writeMeasured(file: string, m: Measured, at: Date): void {
  const day = at.toISOString().slice(0, 10);
  let page = readFileSync(file, 'utf8');
  if (m.decisions?.length) page = replacePart(page, 'decisions', decisionTable(m.decisions, day));
  if (m.reports) page = replacePart(page, 'reports', reportTable(m.reports, day));
  if (m.startup) page = replacePart(page, 'startup', startupTable(m.startup, day));
  writeFileSync(file, page);
}
