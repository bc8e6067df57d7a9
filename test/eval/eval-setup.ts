import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../../src/cli/kb/ingest.js';
import { loadPolicy } from '../../src/config/load-policy.js';
import type { Policy } from '../../src/config/policy-schema.js';
import type { KnowledgeEntry } from '../../src/core/ports/knowledge.js';
import { JsonlKnowledgeStore } from '../../src/infra/knowledge/jsonl-knowledge-store.js';

export const FIXTURES = new URL('../fixtures/triage/', import.meta.url).pathname;

/** A labelled eval item in the triage-dev schema (single message or thread). */
export interface EvalItem {
  id: string;
  kind: 'message' | 'thread';
  text: string;
  turns?: { role: 'customer' | 'bot' | 'staff'; text: string }[];
  account?: string;
  expected_category: string;
  risk_tier: 'low' | 'medium' | 'high';
  expected_action: 'answer' | 'answer_low_threshold' | 'escalate';
  loop?: boolean;
  flags?: { frustration: boolean; urgency: boolean; distress: boolean };
}

export function readItems(file: string): EvalItem[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as EvalItem);
}

/** Configures Baton as a team would: the policy file, and the KB imported through `baton kb ingest`'s code. */
export async function setUp(): Promise<{ policy: Policy; kb: KnowledgeEntry[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'baton-eval-'));
  try {
    const store = new JsonlKnowledgeStore(join(dir, 'knowledge.jsonl'));
    const summary = await ingest([join(FIXTURES, 'kb-resolved.jsonl'), join(FIXTURES, 'kb-examples.csv')], store);
    process.stderr.write(`KB: ${summary.read} records imported (${summary.added} entries)\n`);
    return { policy: loadPolicy(join(FIXTURES, 'baton.eval.yaml')), kb: await store.loadAll() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
