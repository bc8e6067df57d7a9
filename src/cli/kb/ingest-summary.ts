import type { KnowledgeEntry } from '../../core/ports/knowledge.js';
import type { TopicTally } from '../../core/policy/unknown-topics.js';
import type { Unresolved } from '../../infra/knowledge/helpdesk-ticket.js';
import { formatFileReport, type FileReport } from './file-report.js';

/** What an import did, as `baton kb ingest` reports it. */
export interface IngestSummary {
  files: number;
  read: number;
  added: number;
  updated: number;
  unchanged: number;
  /** Entries of organizations the policy does not name: learned from, quoted to nobody until approved. */
  unknownAccounts: number;
  /** Question-only copies of account conversations, which every account's triage learns from. */
  learningCopies: number;
  /** Entries that say they needed a person, by reason. */
  neededHuman: Map<string, number>;
  /** Reason -> how many, and where the first few were. */
  skipped: Map<string, { count: number; examples: string[] }>;
  /** What each file became, in the order read. */
  perFile: Map<string, FileReport>;
  /** The records' categories and topics: what the policy is checked against. */
  labels: TopicTally;
  /** Entries whose export referred to what it did not include (see `HelpdeskTicket.unresolved`). */
  unresolved: Map<string, Unresolved[]>;
  /** A few of the entries read, for --dry-run. */
  sample: KnowledgeEntry[];
  dryRun: boolean;
}


const preview = (s: string | undefined, n = 70) => (s === undefined ? '-' : s.length > n ? `${s.slice(0, n - 1)}…` : s).replace(/\n/g, ' ');

/** What an import did (or, with --dry-run, would do), and every skipped record by reason. */
export function formatSummary(s: IngestSummary): string {
  const verb = s.dryRun ? 'Would import' : 'Imported';
  // Entries outnumber records by the question-only copies: say so, or "2 records kept; 3 added" reads as a miscount.
  const copies = s.learningCopies > 0 ? ` (${s.read + s.learningCopies} entries with ${s.learningCopies} question-only ${s.learningCopies === 1 ? 'copy' : 'copies'})` : '';
  const lines = [
    `${verb} ${s.files} file(s): ${s.read} record(s) kept${copies}; ${s.added} ${s.dryRun ? 'to add' : 'added'}, ${s.updated} ${s.dryRun ? 'to update' : 'updated'}, ${s.unchanged} unchanged.`,
  ];
  if (s.perFile.size > 0) lines.push('What each file became (answers reach customers; history teaches triage and staff drafts, never quoted):', ...[...s.perFile].map(([f, r]) => formatFileReport(f, r)));
  const noAccount = [...s.perFile.values()].reduce((n, r) => n + r.noAccount, 0);
  if (noAccount > 0) lines.push(`${noAccount} conversation(s) of no account: their organization could not be resolved (add accounts[].email_domains, or the export's organizations/companies files); kept as history, quoted to nobody.`);
  const missing = [...s.unresolved.values()];
  const people = missing.filter((m) => m.includes('people')).length;
  if (people > 0) lines.push(`${people} record(s) name people the export's users file does not hold: names redacted by pattern only, and records imported before keep their earlier redaction. Import the users file with them.`);
  if (s.neededHuman.size > 0) lines.push(`Needed a person: ${[...s.neededHuman].map(([why, n]) => `${n} ${why}`).join(', ')}.`);
  if (s.learningCopies > 0) {
    lines.push(`${s.learningCopies} account conversation(s) kept for their own account only (an answer quoted to it alone, history grounding only its staff drafts); their questions, topics and outcomes teach every account's triage.`);
  }
  if (s.unknownAccounts > 0) {
    lines.push(`${s.unknownAccounts} record(s) of organizations the policy does not name: learned from, quoted to nobody until approved (baton kb approve).`);
  }
  const total = [...s.skipped.values()].reduce((n, v) => n + v.count, 0);
  lines.push(total === 0 ? 'Nothing skipped.' : `Skipped ${total}:`);
  for (const [reason, { count, examples }] of [...s.skipped].sort((a, b) => b[1].count - a[1].count)) {
    lines.push(`  ${String(count).padStart(6)}  ${reason}  (e.g. ${examples.join('; ')})`);
  }
  if (s.dryRun) {
    lines.push('First records, as they would be stored (nothing was written):');
    for (const e of s.sample) {
      const labels = [e.kind, e.account && `account ${e.account}`, e.category && `category ${e.category}`, e.topic && `topic ${e.topic}`, e.needsHumanBecause && `needed a person: ${e.needsHumanBecause.join('+')}`];
      lines.push(`  ${e.id}  [${labels.filter(Boolean).join(', ')}]`, `      question: ${preview(e.question)}`, `      answer:   ${preview(e.answer)}`);
    }
  }
  return lines.join('\n');
}
