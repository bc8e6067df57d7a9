/**
 * `npm run bench`: decision latency (triage + retrieval + policy, no LLM) at p50/p99 and peak RSS with
 * KBs of 1k, 10k and 50k resolved conversations synthesized from the eval KB, and the ingest rate.
 * Each size runs in its own child process so that peak memory is that size's alone.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const child = fileURLToPath(new URL('./bench-size.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));
console.log('KB size | decisions | p50 ms | p99 ms | max ms | peak RSS MB | ingest entries/s');
for (const size of sizes.length ? sizes : [1000, 10_000, 50_000]) {
  process.stdout.write(execFileSync(tsx, [child, String(size)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
}
console.log('targets at 50k: p99 <= 15 ms, peak RSS <= 400 MB');
