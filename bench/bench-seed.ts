import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../src/cli/kb/ingest.js';
import { loadPolicy } from '../src/config/load-policy.js';
import type { Policy } from '../src/config/policy-schema.js';
import type { KnowledgeEntry } from '../src/core/ports/knowledge.js';
import { JsonlKnowledgeStore } from '../src/infra/knowledge/jsonl-knowledge-store.js';

export const FIXTURES = new URL('../test/fixtures/triage/', import.meta.url).pathname;

/** The shipped policy and the triage-dev KB imported through `baton kb ingest`'s code: the seed the synthetic KBs grow from. */
export async function setUp(): Promise<{ policy: Policy; kb: KnowledgeEntry[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'baton-bench-seed-'));
  try {
    const store = new JsonlKnowledgeStore(join(dir, 'knowledge.jsonl'));
    await ingest([join(FIXTURES, 'kb.jsonl')], store);
    return { policy: loadPolicy('config/baton.yaml'), kb: await store.loadAll() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
