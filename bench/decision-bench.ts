/**
 * Child of `npm run bench`: decision latency and memory at one KB size; prints one JSON line.
 * Run with --expose-gc so that what the setup left behind (the eval fixtures imported to seed the
 * synthetic KB) is collected before memory is measured.
 */
import { buildDecider } from '../src/core/answer/build-decider.js';
import { setUp } from './bench-seed.js';
import { replayRound } from './replay-inputs.js';
import { synthesizeKb } from './synthetic-kb.js';

const ROUNDS = 3;
const ACCOUNTS = 200;
const MB = 2 ** 20;
const collect = () => (globalThis as { gc?: () => void }).gc?.();

const size = Number(process.argv[2]);
const { policy, kb: seed } = await setUp();
const kb = synthesizeKb(seed.filter((e) => e.kind === 'conversation'), size);
const rounds = Array.from({ length: ROUNDS + 1 }, (_, r) => replayRound(r, ACCOUNTS));
collect();
const heapBefore = process.memoryUsage().heapUsed;
const rssBefore = process.memoryUsage.rss();

const t0 = performance.now();
const decider = buildDecider({ policy, kb });
const buildPerSec = size / ((performance.now() - t0) / 1000);
collect();
const indexHeap = process.memoryUsage().heapUsed - heapBefore;

for (const input of rounds[ROUNDS]!.slice(0, 200)) await decider.decide(input); // warm-up (JIT) as accounts of its own round
let peak = process.memoryUsage.rss();
const times: number[] = [];
const cpuTimes: number[] = [];
for (const round of rounds.slice(0, ROUNDS)) {
  for (const input of round) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    await decider.decide(input);
    times.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
    // Sampled after every decision, outside the timing: a timer would not fire between decisions that never yield.
    peak = Math.max(peak, process.memoryUsage.rss());
  }
}
const quantile = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
};
const q = quantile(times);
const cpu = quantile(cpuTimes);
console.log(
  JSON.stringify({ size, decisions: times.length, p50: q(0.5), p99: q(0.99), max: q(1), cpuP50: cpu(0.5), cpuP99: cpu(0.99), cpuMax: cpu(1), rssBefore: rssBefore / MB, peakRss: peak / MB, indexHeap: indexHeap / MB, buildPerSec }),
);
