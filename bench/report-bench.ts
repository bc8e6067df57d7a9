/**
 * Report time over 100k stored escalations: `tsx bench/report-bench.ts [escalations]`. Seeds a
 * temporary SQLite store with escalations spread over 180 days (so a 90-day report and its previous
 * period read all of them), 1.5 non-escalated conversations per escalation and CSAT on 60% of them,
 * then times loadReport for 7, 30 and 90 days through the real stores. Target: < 1 s at 100k.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parsePolicy } from '../src/config/load-policy.js';
import type { LoopDeps } from '../src/core/deps.js';
import type { ConversationFacts, EscalationFacts } from '../src/core/metrics/facts.js';
import { loadReport } from '../src/core/metrics/load-report.js';
import type { CsatRecord } from '../src/core/ports/csat-store.js';
import { AI_TRIGGERS, CUSTOMER_TRIGGERS } from '../src/core/model/decision.js';
import { openStores, type Stores } from '../src/infra/store/open-stores.js';
import { encodeConversation, encodeEscalation } from '../src/infra/store/facts-codec.js';
import { KeyvDayBuckets } from '../src/infra/store/keyv-day-buckets.js';
import { storeKeys } from '../src/infra/store/store-keys.js';
import { readFileSync } from 'node:fs';

const DAY = 24 * 60 * 60 * 1000;
const MIN = 60_000;
const CATEGORIES = ['billing', 'refunds', 'account_access', 'bug', 'how_to', 'integrations', 'data_privacy_security'];
const QUEUES = ['support', 'billing', 'security', 'enterprise'];
const TRIGGERS = [...AI_TRIGGERS, ...CUSTOMER_TRIGGERS];

/** A small deterministic PRNG, so every run seeds the same data. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 0x1_0000_0000);
}

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
        reopenedAt: [],
      });
    }
    if (r() < 0.6) csat.push({ conversationKey: key, ref: { platform: 'slack', channel: 'C0BENCH', thread: String(i) }, subject: 'baton', askedAt: createdAt + DAY, customers: ['U1'], rating: 1 + Math.floor(r() * 5) });
  }
  await stores.facts.conversations.putMany(conversations.map((c) => ({ dayOf: c.createdAt, id: c.key, value: encodeConversation(c) })));
  await stores.facts.escalations.putMany(escFacts.map((e) => ({ dayOf: e.openedAt, id: e.id, value: encodeEscalation(e) })));
  await new KeyvDayBuckets<CsatRecord>(stores.backend.keyv, stores.locks, storeKeys.csatDay).putMany(csat.map((c) => ({ dayOf: c.askedAt, id: c.conversationKey, value: c })));
}

export interface ReportBenchResult {
  escalations: number;
  conversations: number;
  ms: Record<7 | 30 | 90, number>;
  peakRssMb: number;
}

export async function runReportBench(escalations = 100_000): Promise<ReportBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'baton-report-bench-'));
  const stores = await openStores(`sqlite://${join(dir, 'bench.sqlite')}`);
  const now = Date.now();
  try {
    await seed(stores, escalations, now);
    const policy = parsePolicy(readFileSync('config/baton.yaml', 'utf8'), 'config/baton.yaml');
    const deps = { policy, clock: { now: () => now }, loop: { facts: stores.facts, csat: stores.csat } } as unknown as LoopDeps;
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const ms = {} as ReportBenchResult['ms'];
    for (const days of [7, 30, 90] as const) {
      const t = performance.now();
      await loadReport(deps, { days });
      ms[days] = Math.round(performance.now() - t);
      peak = Math.max(peak, process.memoryUsage().rss);
    }
    clearInterval(sampler);
    return { escalations, conversations: Math.round(escalations * 2.5), ms, peakRssMb: Math.round(peak / 1024 / 1024) };
  } finally {
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatReportBench(r: ReportBenchResult): string {
  return [
    `report over ${r.escalations} escalations (${r.conversations} conversations, 180 days stored):`,
    `  7d ${r.ms[7]} ms | 30d ${r.ms[30]} ms | 90d ${r.ms[90]} ms | peak RSS ${r.peakRssMb} MB (target: 90d < 1000 ms)`,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const n = Number(process.argv[2]) || 100_000;
  console.log(formatReportBench(await runReportBench(n)));
}
