import type { KnowledgeSources } from '../knowledge/sources/knowledge-sources.js';
import type { PrometheusMetrics } from './prometheus-metrics.js';

/**
 * Each knowledge source's state, read from the shared store at each scrape: its articles, whether its
 * last sync failed (it answers from its last good content meanwhile) and when it last synced well.
 */
export function registerSourceGauges(metrics: PrometheusMetrics, sources: KnowledgeSources): void {
  const per = (value: (s: Awaited<ReturnType<KnowledgeSources['statuses']>>[number]) => number) => async () =>
    Object.fromEntries((await sources.statuses()).map((s) => [s.source.id, value(s)]));
  metrics.gaugeFrom('baton_kb_source_articles', 'Articles of each knowledge source as of its last good sync', 'source', per((s) => s.status?.articles ?? 0));
  metrics.gaugeFrom('baton_kb_source_failing', '1 when the last sync of a knowledge source failed', 'source', per((s) => (s.status?.lastError ? 1 : 0)));
  metrics.gaugeFrom('baton_kb_source_last_success_seconds', 'When each knowledge source last synced well (Unix seconds; 0: never)', 'source', per((s) => (s.status?.lastSuccessAt ?? 0) / 1000));
}
