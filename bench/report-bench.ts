/**
 * Report time over 100k stored escalations: `tsx bench/report-bench.ts [escalations]` (`--json N`:
 * the figures as one JSON line, for `npm run bench`). Seeds a
 * temporary SQLite store with escalations spread over 180 days (so a 90-day report and its previous
 * period read all of them), 1.5 non-escalated conversations per escalation and CSAT on 60% of them,
 * then times loadReport for 7, 30 and 90 days, the calendar quarter so far, and 90 days of one category
 * through the real stores:
 * first after the import (classifies every day and stores its summary), then in a fresh process on the
 * same file (cold: summaries are read and parsed) and once more in it (warm). Target: < 1 s at 100k.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parsePolicy } from '../src/config/load-policy.js';
import type { ConversationFacts, EscalationFacts } from '../src/core/metrics/facts.js';
import { loadReport, type ReportDeps, warmReportDays } from '../src/core/metrics/load-report.js';
import type { CsatRecord } from '../src/core/ports/csat-store.js';
import { AI_TRIGGERS, CUSTOMER_TRIGGERS } from '../src/core/model/decision.js';
import { openStores, type Stores } from '../src/infra/store/open-stores.js';

const DAY = 24 * 60 * 60 * 1000;
const MIN = 60_000;
const CATEGORIES = ['billing', 'refunds', 'account_access', 'bug', 'how_to', 'integrations', 'data_privacy_security'];
const QUEUES = ['support', 'billing', 'security', 'enterprise'];
const TRIGGERS = [...AI_TRIGGERS, ...CUSTOMER_TRIGGERS];

/** A small deterministic PRNG, so every run seeds the same data. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 0x1_0000_0000;
  };
}

export async function seedForPhase(stores: Stores, escalations: number, now: number): Promise<void> { return seed(stores, escalations, now); }
async function seed(stores: Stores, escalations: number, now: number): Promise<void> {
  const r = rng(42);
  const conversations: ConversationFacts[] = [];
  const escFacts: EscalationFacts[] = [];
  const csat: CsatRecord[] = [];
  const total = Math.round(escalations * 2.5);
  for (let i = 0; i < total; i++) {
    const createdAt = now - Math.floor(r() * 180 * DAY);
    const key = `slack:C0BENCH${i % 97}:${i}`;
    const answered = r() < 0.7;
    const at = { customer: [createdAt], thanks: r() < 0.3 ? [createdAt + 5 * MIN] : [], bot: answered ? [createdAt + MIN] : [], staff: [] };
    conversations.push({ key, accountId: 'acme', createdAt, category: CATEGORIES[i % CATEGORIES.length]!, at });
    if (i < escalations) {
      const openedAt = createdAt + 2 * MIN;
      const claimed = r() < 0.9 ? openedAt + Math.floor(r() * 180 * MIN) : undefined;
      const resolved = claimed !== undefined && r() < 0.9 ? claimed + Math.floor(r() * 600 * MIN) : undefined;
      escFacts.push({
        id: `E-${i}`, conversationKey: key, accountId: 'acme', queueId: QUEUES[i % QUEUES.length]!, category: CATEGORIES[i % CATEGORIES.length]!,
        trigger: TRIGGERS[i % TRIGGERS.length]!, status: resolved ? 'resolved' : claimed ? 'claimed' : 'open', openedAt, dueAt: openedAt + 120 * MIN,
        ...(claimed ? { claimedAt: claimed } : {}), ...(resolved ? { resolvedAt: resolved, tags: { rootCause: 'product_bug', aiAccuracy: 'correct', automation: 'no', hasNote: false } } : {}),
      });
    }
    if (r() < 0.6) csat.push({ conversationKey: key, ref: { platform: 'slack', channel: 'C0BENCH', thread: String(i) }, subject: 'baton', askedAt: createdAt + DAY, customers: ['U1'], rating: 1 + Math.floor(r() * 5) });
  }
  await stores.facts.importFacts(conversations, escFacts);
  await stores.csatAsks.putMany(csat);
}

type Timings = Record<string, number>;

export interface ReportBenchResult {
  escalations: number;
  conversations: number;
  /** How long the scheduler's sweeps take in all to classify every report day after the import, in the background, how many it takes and the longest. */
  classified: number;
  sweeps: number;
  longestSweep: number;
  /** The first reports after the import, once that sweep has run. */
  first: Timings;
  /** A fresh process on the same store (nothing parsed in memory), ten minutes later, then again ten minutes on. */
  cold: Timings;
  warm: Timings;
  /** The same process once more, after new escalations today and comebacks from the past week. */
  afterEscalations: Timings;
  /** The CPU time of each of those reports. */
  cpu: { first: Timings; cold: Timings; warm: Timings; afterEscalations: Timings };
  /** Peak RSS of that fresh process over its cold, warm and later reports, and its RSS before the first one (Node, tsx, modules). */
  peakRssMb: number;
  startRssMb: number;
}

const REQUESTS = [{ days: 7 }, { days: 30 }, { days: 90 }, { days: 90, quarter: true }, { days: 90, category: 'billing' }] as const;
const label = (r: (typeof REQUESTS)[number]) => ('quarter' in r ? 'quarter' : `${r.days}d${'category' in r ? ` ${r.category}` : ''}`);

const depsOn = (stores: Stores, now: () => number): ReportDeps => ({
  policy: parsePolicy(readFileSync('config/baton.yaml', 'utf8'), 'config/baton.yaml'),
  clock: { now },
  loop: { facts: stores.facts, csat: stores.csat, feedback: stores.feedback },
});

/** Each report's wall-clock time, and the process's CPU time over it (its threads included): what the report costs, whatever else the machine runs. */
async function timeReports(deps: ReportDeps, afterEach = () => {}): Promise<{ ms: Timings; cpu: Timings }> {
  const ms: Timings = {};
  const cpu: Timings = {};
  for (const request of REQUESTS) {
    const t = performance.now();
    const c = process.cpuUsage();
    await loadReport(deps, request);
    const used = process.cpuUsage(c);
    ms[label(request)] = Math.round(performance.now() - t);
    cpu[label(request)] = Math.round((used.user + used.system) / 1000);
    afterEach();
  }
  return { ms, cpu };
}

/**
 * What a working day adds between two reports: 50 new conversations escalated today, and 10 customers
 * of the past week coming back with a new escalation, written as the stores write them.
 */
async function escalateMore(stores: Stores, now: number): Promise<void> {
  for (let i = 0; i < 60; i++) {
    const createdAt = i < 50 ? now - (i + 1) * MIN : now - (i - 49) * DAY;
    const key = `slack:C0BENCH:more.${i}`;
    await stores.facts.putConversation({ key, accountId: 'acme', createdAt, category: 'billing', at: { customer: [createdAt, now - MIN], thanks: [], bot: [createdAt + MIN], staff: [] } });
    await stores.facts.putEscalation({
      id: `E-more-${i}`, conversationKey: key, accountId: 'acme', queueId: 'billing', category: 'billing', trigger: 'human_phrase', status: 'open', openedAt: now - MIN, dueAt: now + 119 * MIN,
    });
  }
}

/** Child process: cold, warm and after-escalation reports on an existing store, printed as JSON for the parent. */
async function coldAndWarm(file: string, now: number): Promise<void> {
  const startRss = process.memoryUsage().rss;
  let peak = startRss;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
  const sampler = setInterval(sample, 5);
  const stores = await openStores(`sqlite://${file}`);
  // Ten minutes on, so the days whose quiet periods run out meanwhile are classified again.
  let clock = now + 10 * MIN;
  const deps = depsOn(stores, () => clock);
  const cold = await timeReports(deps, sample);
  clock += 10 * MIN;
  const warm = await timeReports(deps, sample);
  clock += 10 * MIN;
  await escalateMore(stores, clock);
  const afterEscalations = await timeReports(deps, sample);
  clearInterval(sampler);
  await stores.close();
  const cpu = { cold: cold.cpu, warm: warm.cpu, afterEscalations: afterEscalations.cpu };
  console.log(JSON.stringify({ cold: cold.ms, warm: warm.ms, afterEscalations: afterEscalations.ms, cpu, peakRssMb: Math.round(peak / 2 ** 20), startRssMb: Math.round(startRss / 2 ** 20) }));
}

export async function runReportBench(escalations = 100_000): Promise<ReportBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'baton-report-bench-'));
  const file = join(dir, 'bench.sqlite');
  const now = Date.now();
  try {
    const stores = await openStores(`sqlite://${file}`);
    const deps = depsOn(stores, () => now);
    await seed(stores, escalations, now);
    // The scheduler's sweeps, one after another until every report day is classified.
    const sweeps: number[] = [];
    for (let left = Infinity; left > 0; ) {
      const t = performance.now();
      left = await warmReportDays(deps, now);
      sweeps.push(performance.now() - t);
    }
    const classified = Math.round(sweeps.reduce((a, b) => a + b, 0));
    const longestSweep = Math.round(Math.max(...sweeps));
    const first = await timeReports(deps).finally(() => stores.close());
    const child = execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--cold', file, String(now)], { encoding: 'utf8' });
    const later = JSON.parse(child) as Omit<ReportBenchResult, 'escalations' | 'conversations' | 'first' | 'classified' | 'sweeps' | 'longestSweep' | 'cpu'> & { cpu: Omit<ReportBenchResult['cpu'], 'first'> };
    return { escalations, conversations: Math.round(escalations * 2.5), classified, sweeps: sweeps.length, longestSweep, first: first.ms, ...later, cpu: { first: first.cpu, ...later.cpu } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const line = (name: string, t: Timings) => `  ${name.padEnd(22)} ${Object.entries(t).map(([k, v]) => `${k} ${v} ms`).join(' | ')}`;

export function formatReportBench(r: ReportBenchResult): string {
  return [
    `report over ${r.escalations} escalations (${r.conversations} conversations, 180 days stored; target < 1000 ms each):`,
    `  after the import, the scheduler's sweeps classify every report day in the background: ${r.classified} ms in ${r.sweeps} sweeps, the longest ${r.longestSweep} ms`,
    line('first after the import', r.first),
    line('cold', r.cold),
    line('warm', r.warm),
    line('after new escalations', r.afterEscalations),
    `  CPU time of the process over each report (its threads included):`,
    line('first after the import', r.cpu.first),
    line('cold', r.cpu.cold),
    line('warm', r.cpu.warm),
    line('after new escalations', r.cpu.afterEscalations),
    `  peak RSS of a fresh process over its ${REQUESTS.length * 3} cold, warm and later reports: ${r.peakRssMb} MB (${r.startRssMb} MB before the first)`,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [mode, ...rest] = process.argv.slice(2);
  if (mode === '--cold') await coldAndWarm(rest[0]!, Number(rest[1]));
  else if (mode === '--json') console.log(JSON.stringify(await runReportBench(Number(rest[0]) || 100_000)));
  else console.log(formatReportBench(await runReportBench(Number(mode) || 100_000)));
}
