import type Keyv from 'keyv';
import type { DaySummary } from '../../core/metrics/day-summary.js';
import type { StoredDaySummary } from '../../core/ports/facts-store.js';
import { decodeDaySummary, encodeDaySummary } from './day-summary-codec.js';
import { storeKeys, utcDay } from './store-keys.js';

/** Parsed summaries kept per process; a 90-day report and its previous period touch 181 days. */
const CACHED_DAYS = 400;

/**
 * Report day summaries, each stored as `version + newline + columns`: the version is that of the
 * day's facts when it was classified (the facts table moves it on every write the day depends on), so a stale summary is
 * recognised without parsing, and parsed ones are kept in memory by version for warm reports.
 */
export class KeyvDaySummaries {
  private readonly parsed = new Map<number, { version: string; summary: DaySummary }>();

  constructor(private readonly keyv: Keyv) {}

  /** The stored summaries of these days that were built at the given versions. */
  async read(days: { day: number; version: string }[]): Promise<StoredDaySummary[]> {
    const missing = days.filter(({ day, version }) => this.parsed.get(day)?.version !== version);
    const raws = missing.length > 0 ? await this.keyv.getMany<string>(missing.map((m) => storeKeys.daySummary(utcDay(m.day)))) : [];
    missing.forEach((m, i) => {
      this.remember(m.day, m.version, raws[i]);
    });
    return days.map(({ day, version }) => {
      const cached = this.parsed.get(day);
      return { day, version, ...(cached && cached.version === version ? { summary: cached.summary } : {}) };
    });
  }

  /** Keeps the summary as stored, not as given: its conversation rows are decoded again only if a report reads them. */
  async save(version: string, summary: DaySummary): Promise<void> {
    const encoded = encodeDaySummary(summary);
    this.keep(summary.day, version, decodeDaySummary(summary.day, encoded));
    await this.keyv.set(storeKeys.daySummary(utcDay(summary.day)), `${version}\n${encoded}`);
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
