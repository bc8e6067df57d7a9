import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../src/cli/kb/ingest.js';
import { buildDecider } from '../src/core/answer/build-decider.js';
import { JsonlKnowledgeStore } from '../src/infra/knowledge/jsonl-knowledge-store.js';
import { readItems, setUp, FIXTURES } from '../test/eval/eval-setup.js';
import { toDecisionInput } from '../src/cli/triage/ticket.js';
import { synthesizeKb } from './synthetic-kb.js';

const size = Number(process.argv[2]);
let peak = process.memoryUsage().rss;
const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);

const { policy, kb: seed } = await setUp();
const kb = synthesizeKb(seed.filter((e) => e.kind === 'conversation'), size);

// Ingest rate: the synthetic KB written as a helpdesk JSONL export and imported through the CLI's code.
const dir = mkdtempSync(join(tmpdir(), 'baton-bench-'));
const exportFile = join(dir, 'export.jsonl');
writeFileSync(exportFile, kb.map((e) => JSON.stringify({ id: e.id, status: 'solved', account: e.account, category: e.category, topic: e.topic, messages: [{ from: 'customer', text: e.question }, { from: 'agent', text: e.answer ?? '' }] })).join('\n'));
const t0 = performance.now();
await ingest([exportFile], new JsonlKnowledgeStore(join(dir, 'kb.jsonl')));
const ingestRate = size / ((performance.now() - t0) / 1000);
rmSync(dir, { recursive: true, force: true });

const decider = buildDecider({ policy, kb });
const inputs = readItems(join(FIXTURES, 'dev.jsonl')).map((i) => toDecisionInput({ id: i.id, account: `acct-${i.id.length % 200}`, text: i.text, ...(i.turns ? { turns: i.turns } : {}) }));
for (const input of inputs.slice(0, 100)) await decider.decide(input); // warm-up: JIT, caches
const times: number[] = [];
for (let round = 0; round < 3; round++) {
  for (const input of inputs) {
    const start = performance.now();
    await decider.decide(input);
    times.push(performance.now() - start);
  }
}
clearInterval(sample);
peak = Math.max(peak, process.memoryUsage().rss);
times.sort((a, b) => a - b);
const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(2);
console.log(`${String(size).padStart(7)} | ${String(times.length).padStart(9)} | ${q(0.5).padStart(6)} | ${q(0.99).padStart(6)} | ${times.at(-1)!.toFixed(2).padStart(6)} | ${(peak / 2 ** 20).toFixed(0).padStart(11)} | ${ingestRate.toFixed(0).padStart(16)}`);
