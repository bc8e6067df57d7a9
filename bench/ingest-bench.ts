/**
 * Child of `npm run bench`: the ingest rate at one KB size, in its own process so that its memory (the
 * export written and parsed) never counts in the decision bench. The synthetic KB is written as a
 * helpdesk JSONL export and imported through `baton kb ingest`'s code into a JSONL store.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../src/cli/kb/ingest.js';
import { JsonlKnowledgeStore } from '../src/infra/knowledge/jsonl-knowledge-store.js';
import { setUp } from './bench-seed.js';
import { synthesizeKb } from './synthetic-kb.js';

const size = Number(process.argv[2]);
const { kb: seed } = await setUp();
const kb = synthesizeKb(seed.filter((e) => e.kind === 'conversation'), size);
const dir = mkdtempSync(join(tmpdir(), 'baton-bench-'));
try {
  const exportFile = join(dir, 'export.jsonl');
  const record = (e: (typeof kb)[number]) => ({ id: e.id, status: 'solved', account: e.account, category: e.category, topic: e.topic, messages: [{ from: 'customer', text: e.question }, { from: 'agent', text: e.answer ?? '' }] });
  writeFileSync(exportFile, kb.map((e) => JSON.stringify(record(e))).join('\n'));
  const t0 = performance.now();
  await ingest([exportFile], new JsonlKnowledgeStore(join(dir, 'kb.jsonl')));
  console.log(JSON.stringify({ ingestPerSec: size / ((performance.now() - t0) / 1000) }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
