import type { Clock } from '../core/ports/clock.js';
import type { KnowledgeSources } from '../infra/knowledge/sources/knowledge-sources.js';
import { registerEscalationGauges } from '../infra/metrics/escalation-gauges.js';
import type { PrometheusMetrics } from '../infra/metrics/prometheus-metrics.js';
import { registerSourceGauges } from '../infra/metrics/source-gauges.js';
import type { Stores } from '../infra/store/open-stores.js';
import { probeStore } from '../infra/store/store-probe.js';
import { addHealthRoutes, type ReadinessCheck } from './health-routes.js';
import type { HttpServer } from './http-server.js';
import { addMetricsRoute } from './metrics-route.js';

export interface OperationsDeps {
  stores: Stores;
  metrics: PrometheusMetrics;
  clock: Clock;
  sources: KnowledgeSources;
  /** The running platforms' own checks (Slack accepts the token). */
  readiness: ReadinessCheck[];
  /** When the oldest message still owed was recorded (core clock), if any is. */
  oldestOwed: () => number | undefined;
  /** What the first knowledge build is doing while it runs; undefined once built. */
  knowledgeBuilding: () => string | undefined;
  /** The clustered rate limits' shared counters; absent on one instance. */
  limits?: () => Promise<void>;
}

/** A message owed longer than this means deliveries are not moving (Slack refusing, a limiter stuck): not ready. */
export const OWED_BOUND_MS = 120_000;

/**
 * /healthz, /readyz (store takes a write, each platform's own checks (Slack accepts the token), the knowledge is built, no message owed past OWED_BOUND_MS,
 * the clustered limits reach Redis; each knowledge source's state as detail, since a failing source still
 * answers from its last good content) and /metrics, on the shared server.
 */
export function serveOperations(server: HttpServer, deps: OperationsDeps): void {
  const { limits } = deps;
  addHealthRoutes(
    server,
    [
      { name: 'store', check: () => probeStore(deps.stores.backend.keyv) },
      ...deps.readiness,
      { name: 'knowledge', check: async () => throwIf(deps.knowledgeBuilding()) },
      { name: 'deliveries', check: async () => owedWithinBound(deps.oldestOwed(), deps.clock.now()) },
      ...(limits ? [{ name: 'rate limits', check: limits }] : []),
    ],
    async () => (deps.sources.sources.length === 0 ? {} : { knowledge_sources: Object.fromEntries((await deps.sources.statuses()).map(({ source, status }) => [source.id, sourceState(status)])) }),
  );
  registerEscalationGauges(deps.metrics, deps.stores.facts, deps.clock);
  registerSourceGauges(deps.metrics, deps.sources);
  addMetricsRoute(server, deps.metrics.registry);
}

function sourceState(status: { lastError?: string; lastSuccessAt?: number } | undefined): string {
  if (status?.lastError) return `failing: ${status.lastError}`;
  return status?.lastSuccessAt ? 'ok' : 'not synced yet';
}

function owedWithinBound(oldest: number | undefined, now: number): void {
  if (oldest !== undefined && now - oldest > OWED_BOUND_MS) throw new Error(`a message owed for ${Math.round((now - oldest) / 1000)} s`);
}

function throwIf(building: string | undefined): void {
  if (building) throw new Error(building);
}
