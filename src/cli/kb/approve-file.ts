import { existsSync, readFileSync } from 'node:fs';
import type { Policy } from '../../config/policy-schema.js';
import { approvedTextRedactor } from '../../core/feedback/redact-approved.js';
import { markContext } from '../../core/suggest/propose-answer.js';
import { JsonlKnowledgeStore } from '../../infra/knowledge/jsonl-knowledge-store.js';
import { recordRejectedTopics } from '../../infra/knowledge/rejected-topics.js';
import { UsageError } from '../command.js';
import { applyReview } from './apply-review.js';
import { indent } from './proposal-text.js';
import { readReviewFile } from './review-file.js';

/**
 * `kb approve --file FILE`: every decision of the review file, or none. Approved answers go into the
 * knowledge file (a running Baton watching it answers from them within a second); rejected topics are
 * recorded beside it so `kb suggest` does not propose them again. Exit 1 when an item stops the file.
 */
export async function approveReviewFile(file: string, opts: { kb: string; policy: Policy; by: string }): Promise<number> {
  if (!existsSync(file)) throw new UsageError(`no review file at ${file} (write one with kb suggest --out ${file})`);
  const items = readReviewFile(readFileSync(file, 'utf8'), file);
  const at = new Date();
  const outcome = applyReview(items, { by: opts.by, at, accounts: new Set(opts.policy.accounts.map((a) => a.id)), context: markContext(opts.policy), redactText: approvedTextRedactor(opts.policy) });
  if (outcome.problems.length > 0) {
    process.stderr.write(`Nothing applied; ${outcome.problems.length} item(s) need attention in ${file}:\n${outcome.problems.map((p) => `  ${p}`).join('\n')}\n`);
    return 1;
  }
  if (outcome.approved.length > 0) await new JsonlKnowledgeStore(opts.kb).upsert(outcome.approved.map((a) => a.entry));
  recordRejectedTopics(opts.kb, outcome.rejected.map((topic) => ({ topic, by: opts.by, at: at.toISOString() })));
  const lines = outcome.approved.map((a) => `Approved ${a.entry.topic} for ${a.to}. Customers see exactly:\n${indent(a.entry.answer!, '  | ')}`);
  lines.push(`${outcome.approved.length} approved, ${outcome.rejected.length} rejected, ${outcome.pending.length} left pending.`);
  if (outcome.approved.length > 0) lines.push(`A running Baton reading ${opts.kb} answers from the approved ones within a second.`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
