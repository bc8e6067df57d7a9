/**
 * `npm run bench [sizes...] [--only=parts] [--escalations=N] [--write-measured]`: decision latency
 * (triage + retrieval + policy, no LLM) and memory at each KB size (default 1k, 10k, 50k), then the
 * other parts. Every measurement runs in a child process of its own so that each figure is that
 * size's alone, and each is printed with the machine's load average (1 minute) when it was taken:
 * on a shared machine a figure means little without it. `--only` picks parts (decisions, ingest,
 * sources, reports, store, delivery, startup; default all but startup); `--write-measured` writes the
 * figures of the parts run into docs/measured.md (see write-measured.ts), so the page cannot drift
 * from what the code does.
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { formatReportBench, type ReportBenchResult } from './report-bench.js';
import type { BatonStartups, StartupFigures } from './startup-bench.js';
import { writeMeasured, type Measured } from './write-measured.js';

const PARTS = ['decisions', 'ingest', 'sources', 'reports', 'store', 'delivery', 'startup'] as const;
type Part = (typeof PARTS)[number];

const args = process.argv.slice(2);
const flag = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const sizes = args.filter((a) => !a.startsWith('--')).map(Number).filter((n) => n > 0);
const only = flag('only')?.split(',');
const unknown = only?.filter((p) => !(PARTS as readonly string[]).includes(p)) ?? [];
if (unknown.length > 0) {
  console.error(`unknown part ${unknown.join(', ')}; parts: ${PARTS.join(', ')}`);
  process.exit(2);
}
const runs = (part: Part) => (only ? only.includes(part) : part !== 'startup');
const escalations = Number(flag('escalations') ?? 100_000);

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const tsx = here('../node_modules/.bin/tsx');
const child = (file: string, childArgs: string[], node: string[] = []) =>
  JSON.parse(execFileSync(process.execPath, [...node, '--import', 'tsx', here(file), ...childArgs], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 2 ** 20 }));
const cell = (v: number, width: number, digits = 0) => v.toFixed(digits).padStart(width);
const load = () => loadavg()[0]!;
/** Runs a measurement and notes the load average before and after it. */
function measured<T>(take: () => T): T & { load: [number, number] } {
  const before = load();
  const value = take();
  return { ...value, load: [before, load()] };
}
const loadText = ([a, b]: [number, number]) => `${a.toFixed(1)}-${b.toFixed(1)}`;
const startupLine = (f: StartupFigures) => `serving ${f.servingMs.toFixed(0)} ms, ready ${f.readyMs.toFixed(0)} ms (CPU ${f.readyCpuMs.toFixed(0)} ms), idle RSS ${f.idleRssMb.toFixed(0)} MB`;
const startupLines = (n: number, b: BatonStartups) => `  Baton, ${n} entries (${b.kbMb.toFixed(0)} MB file): first start (builds the index) ${startupLine(b.first)}
    saved index loaded: ${startupLine(b)}`;

const out: Measured = {};

if (runs('decisions')) {
  out.decisions = [];
  console.log('KB size | decisions | p50 ms | p99 ms | max ms | CPU p50 ms | CPU p99 ms | CPU max ms | RSS before index MB | peak RSS MB | index heap MB | index build entries/s | ingest entries/s | load');
  for (const size of sizes.length ? sizes : [1000, 10_000, 50_000]) {
    const d = measured(() => child('./decision-bench.ts', [String(size)], ['--expose-gc']));
    const { ingestPerSec } = child('./ingest-bench.ts', [String(size)]);
    out.decisions.push({ ...d, ingestPerSec });
    console.log(
      [cell(size, 7), cell(d.decisions, 9), cell(d.p50, 6, 2), cell(d.p99, 6, 2), cell(d.max, 6, 2), cell(d.cpuP50, 10, 2), cell(d.cpuP99, 10, 2), cell(d.cpuMax, 10, 2), cell(d.rssBefore, 19), cell(d.peakRss, 11), cell(d.indexHeap, 13, 1), cell(d.buildPerSec, 21), cell(ingestPerSec, 16), loadText(d.load)].join(' | '),
    );
  }
  console.log(`
decisions: every customer message of test/fixtures/triage/dev.jsonl (threads replayed message by message), 3 rounds, each as other accounts.
CPU: the process's CPU time over each decision (user + system, its GC threads included): what the decision costs, whatever else the machine runs.
RSS before index: the bench process after setup (Node, tsx, the eval KB imported to seed the synthetic KB, the synthetic entries) and a full GC.
peak RSS: the highest resident set of that process while deciding, sampled after every decision: the figure above plus the index and the decisions' work.
index heap: heap retained by the decider over the taxonomy and the synthetic KB, after a full GC (the entries themselves belong to the caller and are not counted).
ingest: the synthetic KB as a helpdesk JSONL export imported through 'baton kb ingest' code, in a process of its own.
load: the machine's 1-minute load average before and after the size's run (2 cores).
targets: p99 <= 5 ms at 50k; p99 <= 15 ms, max <= 50 ms and peak RSS <= 1 GB at 500k`);
}

if (runs('ingest')) {
  const x = child('./ingest-export-bench.ts', ['100']);
  console.log(`
helpdesk export import (bench/ingest-export-bench.ts): a generated ${x.mb.toFixed(0)} MB Zendesk JSON export (${x.records} tickets with HTML comments,
internal notes and personal data, users sideloaded after them) through 'baton kb ingest' code: ${x.recordsPerSec.toFixed(0)} records/s
(${x.mbPerSec.toFixed(1)} MB/s, ${x.seconds.toFixed(0)} s), ${x.read} imported, ${x.skipped} skipped (open tickets); peak RSS ${x.peakRssMb.toFixed(0)} MB (target <= 300 MB).
redaction of a 40,000-character text: ${x.redactDenseMs.toFixed(1)} ms dense with emails, phones, IBANs and cards; ${x.redactProseMs.toFixed(1)} ms of prose.`);
}

if (runs('sources')) {
  const k = child('./source-sync-bench.ts', ['5000']);
  console.log(`
knowledge source sync (bench/source-sync-bench.ts): a Zendesk help center of ${k.size} articles (${k.sections} sections) on loopback into SQLite:
first sync ${k.first.seconds.toFixed(1)} s (${k.first.requests} requests), nothing changed ${k.unchanged.seconds.toFixed(2)} s (${k.unchanged.requests} request, 304),
1% changed ${k.changed.seconds.toFixed(1)} s (${k.changed.requests} requests); loading the sections from the store ${k.loadSeconds.toFixed(2)} s; peak RSS ${k.peakRssMb.toFixed(0)} MB.
decisions with them indexed beside the eval KB: p50 ${k.p50.toFixed(2)} ms, p99 ${k.p99.toFixed(2)} ms over ${k.decisions} messages.`);
}

if (runs('reports')) {
  const r = measured(() => child('./report-bench.ts', ['--json', String(escalations)]) as ReportBenchResult);
  out.reports = r;
  console.log(`${formatReportBench(r)}\n  load ${loadText(r.load)}`);
}

if (runs('store')) process.stdout.write(execFileSync(tsx, [here('./store-bench.ts')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
if (runs('delivery')) process.stdout.write(execFileSync(tsx, [here('./delivery-bench.ts')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));

if (runs('startup')) {
  const startupSizes = [50_000, 500_000];
  const s = measured(() => child('./startup-bench.ts', startupSizes.map(String)) as { bare: StartupFigures; baton: Record<number, BatonStartups> });
  out.startup = s;
  console.log(`
start-up (bench/startup-bench.ts), dist/main.js on SQLite against the fake Slack; serving: /healthz answers; ready: /readyz 200; idle RSS 2 s after ready;
the first start builds the index and saves it beside the knowledge file, then the median of 2 starts that load it:
  bare Bolt (bench/bare-bolt-app.mjs): serving ${s.bare.servingMs.toFixed(0)} ms (CPU ${s.bare.readyCpuMs.toFixed(0)} ms), idle RSS ${s.bare.idleRssMb.toFixed(0)} MB
${startupSizes.map((n) => startupLines(n, s.baton[n]!)).join('\n')}
  load ${loadText(s.load)}; targets: ready <= 1 s at 50k, <= 3 s at 500k`);
}

if (args.includes('--write-measured')) {
  writeMeasured('docs/measured.md', out, new Date());
  console.log('\ndocs/measured.md: figures written');
}
