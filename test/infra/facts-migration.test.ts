import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STORES, storesClosedAfterEach } from './opened-stores.js';
import { parsePolicy } from '../../src/config/load-policy.js';
import { loadReport } from '../../src/core/metrics/load-report.js';
import type { ReportRequest } from '../../src/core/metrics/report.js';
import { openKeyvBackend } from '../../src/infra/store/keyv-backend.js';
import type { Stores } from '../../src/infra/store/open-stores.js';

/**
 * A store as the version before the facts table left it (f552a81): report facts in Keyv day logs, one
 * day folded into its base and the rest in slots, with CSAT asks and the day summaries of its reports,
 * and those reports as that version gave them at `now`.
 */
const FIXTURE = 'test/fixtures/keyv-facts';
const old = JSON.parse(readFileSync(`${FIXTURE}/store.json`, 'utf8')) as { now: number; entries: [string, unknown][] };
const reports = JSON.parse(readFileSync(`${FIXTURE}/reports.json`, 'utf8')) as { request: ReportRequest; report: unknown }[];
const policy = parsePolicy(readFileSync('config/baton.yaml', 'utf8'), 'config/baton.yaml');

const open = storesClosedAfterEach();

/** The old records, written as they were into a store no Baton of this version has opened yet. */
async function writtenTheOldWay(uri: string): Promise<void> {
  const backend = await openKeyvBackend(uri);
  await backend.redis?.flushDb();
  for (const [key, value] of old.entries) await backend.keyv.set(key, value);
  await backend.close();
}

async function reportsOf(uri: string): Promise<{ stores: Stores; reports: unknown[] }> {
  const stores = await open(uri);
  const deps = { policy, clock: { now: () => old.now }, loop: { facts: stores.facts, csat: stores.csat, feedback: stores.feedback } };
  const views: unknown[] = [];
  for (const { request } of reports) views.push(JSON.parse(JSON.stringify(await loadReport(deps, request))));
  return { stores, reports: views };
}

describe.each(STORES)('a store the previous version wrote, opened on %s', (_name, uri) => {
  it('has its report facts read into the table once, and gives the reports it gave before', async () => {
    const where = uri();
    await writtenTheOldWay(where);
    const first = await reportsOf(where);
    expect(first.reports).toEqual(reports.map((r) => r.report));
    expect((first.reports[2] as { current: { matters: number } }).current.matters).toBeGreaterThan(50);
    // The day logs are gone: a second open finds nothing to read again and the same figures.
    expect(await first.stores.backend.keysStartingWith('facts-')).toEqual([]);
    const again = await reportsOf(where);
    expect(again.reports).toEqual(reports.map((r) => r.report));
    await again.stores.backend.redis?.flushDb();
  });
});
