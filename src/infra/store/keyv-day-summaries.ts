import type Keyv from 'keyv';
import type { DaySummary } from '../../core/metrics/day-summary.js';
import { decodeDaySummary, encodeDaySummary } from './day-summary-codec.js';
import { storeKeys, utcDay } from './store-keys.js';

/** Parsed summaries kept per process; a 90-day report and its previous period touch 181 days. */
const CACHED_DAYS = 400;

interface Parsed {
  version: string;
  head: string;
  summary: DaySummary;
  /** Whether the summary's rows were read with it. */
  rows: boolean;
}

/** `version + newline + value`, read back only at that version. */
const versioned = (raw: string | undefined, version: string) => (raw?.startsWith(`${version}\n`) ? raw.slice(version.length + 1) : undefined);

/**
 * Report day summaries, each stored as two Keyv values, `version + newline + columns`: its counts, which
 * every report reads, and its rows, which only some days' reports read. The version is that of the
 * day's facts when it was classified (the facts table moves it on every write the day depends on), so a
 * stale summary is recognised without parsing, and parsed ones are kept in memory by version for warm reports.
 */
export class KeyvDaySummaries {
  private readonly parsed = new Map<number, Parsed>();

  constructor(private readonly keyv: Keyv) {}

  /**
   * The stored summary of each day and the version it was built at, whichever that is: with its rows where
   * it was built before the `version` asked for (it is about to be classified again) or `withRows` picks it.
   */
  async read(days: { day: number; version: string }[], withRows: (s: DaySummary) => boolean): Promise<{ day: number; builtAt?: string; summary?: DaySummary }[]> {
    const missing = days.filter(({ day, version }) => this.parsed.get(day)?.version !== version);
    const heads = missing.length > 0 ? await this.keyv.getMany<string>(missing.map((m) => storeKeys.daySummary(utcDay(m.day)))) : [];
    missing.forEach(({ day }, i) => {
      const split = heads[i]?.indexOf('\n') ?? -1;
      if (split < 0) return;
      const [version, head] = [heads[i]!.slice(0, split), heads[i]!.slice(split + 1)];
      if (this.parsed.get(day)?.version !== version) this.keep(day, { version, head, summary: decodeDaySummary(day, head), rows: false });
    });
    const rowless = days.flatMap(({ day, version }) => {
      const p = this.parsed.get(day);
      return p && !p.rows && (p.version !== version || withRows(p.summary)) ? [{ day, p }] : [];
    });
    const rows = rowless.length > 0 ? await this.keyv.getMany<string>(rowless.map(({ day }) => storeKeys.daySummaryRows(utcDay(day)))) : [];
    rowless.forEach(({ day, p }, i) => {
      const raw = versioned(rows[i], p.version);
      // Rows of another version (a write between the two values, or a summary stored before rows were apart): classified again.
      if (raw === undefined) this.parsed.delete(day);
      else this.keep(day, { ...p, summary: decodeDaySummary(day, p.head, raw), rows: true });
    });
    return days.map(({ day }) => {
      const cached = this.parsed.get(day);
      return cached ? { day, builtAt: cached.version, summary: cached.summary } : { day };
    });
  }

  /** Keeps the summary as stored, not as given: its conversation rows are decoded again only if a report reads them. */
  async save(version: string, summary: DaySummary): Promise<void> {
    const { head, rows } = encodeDaySummary(summary);
    this.keep(summary.day, { version, head, summary: decodeDaySummary(summary.day, head, rows), rows: true });
    // Rows first: a head is never read beside rows older than itself.
    await this.keyv.set(storeKeys.daySummaryRows(utcDay(summary.day)), `${version}\n${rows}`);
    await this.keyv.set(storeKeys.daySummary(utcDay(summary.day)), `${version}\n${head}`);
  }

  private keep(day: number, parsed: Parsed): void {
    this.parsed.delete(day);
    this.parsed.set(day, parsed);
    if (this.parsed.size > CACHED_DAYS) this.parsed.delete(this.parsed.keys().next().value!);
  }
}
