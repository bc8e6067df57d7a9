import { randomUUID } from 'node:crypto';
import type Keyv from 'keyv';
import type { DaySummary } from '../../core/metrics/day-summary.js';
import type { StoredDaySummary } from '../../core/ports/facts-store.js';
import { decodeDaySummary, encodeDaySummary } from './day-summary-codec.js';
import { storeKeys, utcDay } from './store-keys.js';

/** Parsed summaries kept per process; a 90-day report and its previous period touch 181 days. */
const CACHED_DAYS = 400;
const NONE = '-';

/**
 * Report day summaries and the versions that say whether they still hold. A version is a random
 * token set after every write of a fact the day depends on (no lock or counter needed: a new token
 * never equals one a reader saw before). The token sits beside a global one, set when a write cannot
 * tell which day it touches. A summary is stored as `token + newline + columns`, so a stale one is
 * recognised without parsing, and parsed ones are kept in memory by token for warm reports.
 */
export class KeyvDaySummaries {
  private readonly parsed = new Map<number, { version: string; summary: DaySummary }>();

  constructor(private readonly keyv: Keyv) {}

  async read(days: number[]): Promise<StoredDaySummary[]> {
    const keys = days.map((d) => storeKeys.factsDayVersion(utcDay(d)));
    const [global, ...tokens] = await this.keyv.getMany<string>([storeKeys.factsVersion, ...keys]);
    const versions = days.map((_, i) => `${global ?? NONE}/${tokens[i] ?? NONE}`);
    const missing = days.flatMap((day, i) => (this.parsed.get(day)?.version === versions[i] ? [] : [{ day, version: versions[i]! }]));
    const raws = missing.length > 0 ? await this.keyv.getMany<string>(missing.map((m) => storeKeys.daySummary(utcDay(m.day)))) : [];
    missing.forEach((m, i) => this.remember(m.day, m.version, raws[i]));
    return days.map((day, i) => {
      const cached = this.parsed.get(day);
      return { day, version: versions[i]!, ...(cached && cached.version === versions[i] ? { summary: cached.summary } : {}) };
    });
  }

  async save(version: string, summary: DaySummary): Promise<void> {
    this.keep(summary.day, version, summary);
    await this.keyv.set(storeKeys.daySummary(utcDay(summary.day)), `${version}\n${encodeDaySummary(summary)}`);
  }

  /** Marks the day of `at` as changed; call after the fact itself is written. */
  async touch(at: number): Promise<void> {
    await this.keyv.set(storeKeys.factsDayVersion(utcDay(at)), randomUUID());
  }

  /** Marks every day as changed, for a write whose day is unknown. */
  async touchAll(): Promise<void> {
    await this.keyv.set(storeKeys.factsVersion, randomUUID());
  }

  /** Parses a stored summary only when it was built at the day's current version. */
  private remember(day: number, version: string, raw: string | undefined): void {
    if (!raw?.startsWith(`${version}\n`)) return;
    this.keep(day, version, decodeDaySummary(day, raw.slice(version.length + 1)));
  }

  private keep(day: number, version: string, summary: DaySummary): void {
    this.parsed.delete(day);
    this.parsed.set(day, { version, summary });
    if (this.parsed.size > CACHED_DAYS) this.parsed.delete(this.parsed.keys().next().value!);
  }
}
