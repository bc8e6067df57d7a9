/**
 * `npm run bench`: decision latency (triage + retrieval + policy, no LLM) at p50/p99 and memory with
 * KBs of 1k, 10k and 50k resolved conversations synthesized from the eval KB, and the ingest rate.
 * Every measurement runs in a child process of its own so that each figure is that size's alone.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const tsx = here('../node_modules/.bin/tsx');
const child = (file: string, args: string[], node: string[] = []) =>
  JSON.parse(execFileSync(process.execPath, [...node, '--import', 'tsx', here(file), ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
const cell = (v: number, width: number, digits = 0) => v.toFixed(digits).padStart(width);

console.log('KB size | decisions | p50 ms | p99 ms | max ms | RSS before index MB | peak RSS MB | index heap MB | index build entries/s | ingest entries/s');
for (const size of sizes.length ? sizes : [1000, 10_000, 50_000]) {
  const d = child('./decision-bench.ts', [String(size)], ['--expose-gc']);
  const { ingestPerSec } = child('./ingest-bench.ts', [String(size)]);
  console.log(
    [cell(size, 7), cell(d.decisions, 9), cell(d.p50, 6, 2), cell(d.p99, 6, 2), cell(d.max, 6, 2), cell(d.rssBefore, 19), cell(d.peakRss, 11), cell(d.indexHeap, 13, 1), cell(d.buildPerSec, 21), cell(ingestPerSec, 16)].join(' | '),
  );
}
console.log(`
decisions: every customer message of test/fixtures/triage/dev.jsonl (threads replayed message by message), 3 rounds, each as other accounts.
RSS before index: the bench process after setup (Node, tsx, the eval KB imported to seed the synthetic KB, the synthetic entries) and a full GC.
peak RSS: the highest resident set of that process while deciding, sampled after every decision: the figure above plus the index and the decisions' work.
index heap: heap retained by the decider over the taxonomy and the synthetic KB, after a full GC (the entries themselves belong to the caller and are not counted).
ingest: the synthetic KB as a helpdesk JSONL export imported through 'baton kb ingest' code, in a process of its own.
targets at 50k: p99 <= 15 ms, peak RSS <= 400 MB`);
const x = child('./ingest-export-bench.ts', ['100']);
console.log(`
helpdesk export import (bench/ingest-export-bench.ts): a generated ${x.mb.toFixed(0)} MB Zendesk JSON export (${x.records} tickets with HTML comments,
internal notes and personal data, users sideloaded after them) through 'baton kb ingest' code: ${x.recordsPerSec.toFixed(0)} records/s
(${x.mbPerSec.toFixed(1)} MB/s, ${x.seconds.toFixed(0)} s), ${x.read} imported, ${x.skipped} skipped (open tickets); peak RSS ${x.peakRssMb.toFixed(0)} MB (target <= 300 MB).
redaction of a 40,000-character text: ${x.redactDenseMs.toFixed(1)} ms dense with emails, phones, IBANs and cards; ${x.redactProseMs.toFixed(1)} ms of prose.`);
const k = child('./source-sync-bench.ts', ['5000']);
console.log(`
knowledge source sync (bench/source-sync-bench.ts): a Zendesk help center of ${k.size} articles (${k.sections} sections) on loopback into SQLite:
first sync ${k.first.seconds.toFixed(1)} s (${k.first.requests} requests), nothing changed ${k.unchanged.seconds.toFixed(2)} s (${k.unchanged.requests} request, 304),
1% changed ${k.changed.seconds.toFixed(1)} s (${k.changed.requests} requests); loading the sections from the store ${k.loadSeconds.toFixed(2)} s; peak RSS ${k.peakRssMb.toFixed(0)} MB.
decisions with them indexed beside the eval KB: p50 ${k.p50.toFixed(2)} ms, p99 ${k.p99.toFixed(2)} ms over ${k.decisions} messages.`);
process.stdout.write(execFileSync(tsx, [here('./report-bench.ts')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
process.stdout.write(execFileSync(tsx, [here('./store-bench.ts')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
process.stdout.write(execFileSync(tsx, [here('./delivery-bench.ts')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
