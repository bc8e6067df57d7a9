import { purposeOf } from '../../core/answer/purpose.js';
import type { KnowledgeEntry } from '../../core/ports/knowledge.js';
import type { ReadItem } from '../../infra/knowledge/read-export.js';
import { countEntry, emptyReport, type FileReport } from './file-report.js';
import { isHeldOut } from './holdout.js';
import type { IngestOptions } from './ingest-options.js';
import type { IngestSummary } from './ingest-summary.js';
import { SpillFile } from './spill-file.js';

/**
 * A question-only copy of an account's conversation that every account's triage learns from (topic,
 * category, whether it needed a person), while the resolution itself stays quoted to its own account.
 * Examples are never quoted nor sent to a model.
 */
export function learningCopy(e: KnowledgeEntry): KnowledgeEntry {
  return {
    id: `${e.id}#learn`,
    kind: 'example',
    purpose: 'history',
    question: e.question,
    ...(e.category ? { category: e.category } : {}),
    ...(e.topic ? { topic: e.topic } : {}),
    ...(e.risk ? { risk: e.risk } : {}),
    ...(e.needsHuman ? { needsHuman: true, needsHumanBecause: e.needsHumanBecause ?? [] } : {}),
    ...(e.tags ? { tags: e.tags } : {}),
    // A clarifying question's button reads a topic's title: the redacted one, not the tag it came from.
    ...(e.title ? { title: e.title } : {}),
  };
}

/** Gathers what an import read: its entries (spilled to a temporary file) and the summary's counts. */
export class IngestCollector {
  readonly spill = new SpillFile();
  private readonly knownIds: ReadonlySet<string> | undefined;

  constructor(
    readonly s: IngestSummary,
    private readonly opts: IngestOptions,
  ) {
    this.knownIds = opts.accounts ? new Set(opts.accounts.values()) : undefined;
  }

  private report(file: string): FileReport {
    const r = this.s.perFile.get(file) ?? emptyReport();
    this.s.perFile.set(file, r);
    return r;
  }

  /** A file of objects the records refer to (users.json...), read to be joined to them. */
  joined(file: string, objects: number): void {
    this.report(file).joined += objects;
  }

  skip(reason: string, where: string, file = where): void {
    const v = this.s.skipped.get(reason) ?? { count: 0, examples: [] };
    v.count++;
    if (v.examples.length < 3) v.examples.push(where);
    this.s.skipped.set(reason, v);
    const r = this.report(file);
    r.skipped.set(reason, (r.skipped.get(reason) ?? 0) + 1);
  }

  /** One item read from `file`. */
  take(file: string, item: ReadItem): void {
    if ('skipped' in item) {
      this.skip(item.skipped, item.where, file);
      return;
    }
    if (this.opts.exclude && isHeldOut(this.opts.exclude, item.entry.question)) {
      this.skip('held out: asked in the --exclude set', item.entry.id, file);
      return;
    }
    const entry = this.withPurpose(this.withAccount(item.entry));
    if (item.unresolved) this.s.unresolved.set(entry.id, item.unresolved);
    // A repeated id replaces the record counted under it: counted once, as kept, and once as skipped.
    if (this.spill.has(entry.id)) this.skip('duplicate id in this import (the last one is kept)', entry.id, file);
    else this.count(file, item.format, entry);
    this.spill.add(entry);
    if (entry.account && entry.kind === 'conversation') this.spill.add(learningCopy(entry));
    if (this.s.sample.length < 5) this.s.sample.push(entry);
  }

  private count(file: string, format: string, entry: KnowledgeEntry): void {
    this.s.read++;
    countEntry(this.report(file), format, entry);
    this.s.labels.add(entry);
    if (entry.account && this.knownIds && !this.knownIds.has(entry.account)) this.s.unknownAccounts++;
    for (const why of entry.needsHumanBecause ?? []) this.s.neededHuman.set(why, (this.s.neededHuman.get(why) ?? 0) + 1);
    if (entry.account && entry.kind === 'conversation') this.s.learningCopies++;
  }

  /** Imports are history (docs are answers) unless the team says a file holds answers: never guessed. */
  private withPurpose(entry: KnowledgeEntry): KnowledgeEntry {
    return { ...entry, purpose: purposeOf(entry) };
  }

  /** The entry under the policy's id for its organization (matched by id or name), or --account's when it names none. */
  private withAccount(entry: KnowledgeEntry): KnowledgeEntry {
    if (!entry.account) return this.opts.account ? { ...entry, account: this.opts.account } : entry;
    const id = this.opts.accounts?.get(entry.account.toLowerCase());
    return id && id !== entry.account ? { ...entry, account: id } : entry;
  }
}
