import type { Clock } from '../../core/ports/clock.js';
import type { FactsStore } from '../../core/ports/facts-store.js';
import { isHandoff, type EscalationFacts } from '../../core/metrics/facts.js';
import type { PrometheusMetrics } from './prometheus-metrics.js';

/** Escalations older than this are long past any SLA; the SLA sweep looks back as far. */
const LOOKBACK_MS = 14 * 24 * 60 * 60 * 1000;
const SHARED_READ_MS = 1_000;

function countBy<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

/**
 * Gauges read from the report facts at each scrape, so they hold across restarts and instances:
 * escalations still open (unclaimed or claimed, not resolved) and those that breached their SLA.
 */
export function registerEscalationGauges(metrics: PrometheusMetrics, facts: Pick<FactsStore, 'escalationsOpened'>, clock: Clock): void {
  // Both gauges are collected in the same scrape: one read of the facts serves them.
  let read: { at: number; facts: Promise<EscalationFacts[]> } | undefined;
  const recent = () => {
    const now = clock.now();
    if (!read || now - read.at > SHARED_READ_MS) read = { at: now, facts: facts.escalationsOpened(now - LOOKBACK_MS, now + 1).then((packets) => packets.filter(isHandoff)) };
    return read.facts;
  };
  metrics.gaugeFrom('baton_open_escalations', 'Escalations not yet resolved, by queue', 'queue', async () =>
    countBy((await recent()).filter((e) => e.status === 'open' || e.status === 'claimed'), (e) => e.queueId),
  );
  metrics.gaugeFrom('baton_sla_breaches', 'Escalations of the last 14 days that breached their SLA (unclaimed past due), by queue', 'queue', async () => {
    const now = clock.now();
    const breached = (await recent()).filter((e) => e.breachedAt !== undefined || (e.status === 'open' && now >= e.dueAt));
    return countBy(breached, (e) => e.queueId);
  });
}
