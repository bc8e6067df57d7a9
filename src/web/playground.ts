import type { Env } from '../config/env.js';
import type { Policy } from '../config/policy-schema.js';
import { composeCore } from '../compose-core.js';
import { loopScheduler, sourcesScheduler } from '../compose-loop.js';
import type { LoopDeps } from '../core/deps.js';
import { systemClock, type Clock } from '../core/ports/clock.js';
import type { KnowledgeEntry } from '../core/ports/knowledge.js';
import type { Logger } from '../core/ports/logger.js';
import { addHealthRoutes } from '../http/health-routes.js';
import { HttpServer } from '../http/http-server.js';
import { DeliveryRunner } from '../infra/delivery/delivery-runner.js';
import type { LiveKnowledge } from '../infra/knowledge/live-knowledge.js';
import { loadDocs } from '../infra/knowledge/load-docs.js';
import { openLiveKnowledge } from '../infra/knowledge/open-live-knowledge.js';
import { KnowledgeSources } from '../infra/knowledge/sources/knowledge-sources.js';
import { llmFrom } from '../infra/llm/llm-from-env.js';
import { PrometheusMetrics } from '../infra/metrics/prometheus-metrics.js';
import { listenOrClose } from '../startup/listen.js';
import type { Stores } from '../infra/store/open-stores.js';
import { probeStore } from '../infra/store/store-probe.js';
import { openUsableStores } from '../startup/usable-store.js';
import { PlaygroundFeed } from './feed.js';
import { playgroundIntake } from './playground-intake.js';
import type { PlaygroundContext } from './playground-context.js';
import { playgroundPolicy } from './playground-policy.js';
import { emptyStore } from './reset-store.js';
import { rebuildPages } from './rebuild-pages.js';
import { newPageToken, playgroundGuard } from './request-guard.js';
import { serveAnswerRoutes } from './routes/answer-routes.js';
import { serveCustomerRoutes } from './routes/customer-routes.js';
import { serveInboxRoutes } from './routes/inbox-routes.js';
import { serveLeadRoutes } from './routes/lead-routes.js';
import { servePageRoutes } from './routes/page-routes.js';
import { serveSpecialistRoutes } from './routes/specialist-routes.js';
import { WebGateway } from './web-gateway.js';

export interface PlaygroundOptions {
  env: Env;
  policy: Policy;
  log: Logger;
  knowledge?: KnowledgeEntry[];
  clock?: Clock;
}

export interface RunningPlayground {
  core: LoopDeps;
  feed: PlaygroundFeed;
  url: string;
  /** Runs the due timers (SLA, CSAT, digest) and syncs the knowledge sources due, now, on the injected clock. */
  sweep(): Promise<void>;
  stop(): Promise<void>;
}

/** Internal messages are retried at least this often, as in the Slack runtime. */
const MAX_BACKOFF_MS = 30_000;
const STOP_GRACE_MS = 5_000;

/** The core as the Slack runtime wires it, with the web adapter as the only platform. */
async function playgroundCore(opts: PlaygroundOptions, stores: Stores, web: WebGateway): Promise<{ core: LoopDeps; live: LiveKnowledge; sources: KnowledgeSources }> {
  const { env, log } = opts;
  const policy = playgroundPolicy(opts.policy);
  const llm = llmFrom(env, new PrometheusMetrics());
  const clock = opts.clock ?? systemClock;
  // The policy's knowledge sources, as in the Slack runtime: what the store holds now, then each sync.
  const sources = new KnowledgeSources(policy.knowledge, { store: stores.sources, locks: stores.locks, env: process.env, log: log.child({ component: 'knowledge-sources' }), now: () => clock.now() });
  await sources.refresh();
  const others = () => [...(opts.knowledge ?? loadDocs(env.BATON_DOCS, log)), ...sources.entries()];
  const { live, approved, review } = await openLiveKnowledge({ policy, log, ...(opts.knowledge ? {} : { file: env.BATON_KB }), others, candidates: stores.candidates, ...(llm ? { llm } : {}) });
  // Built before the playground opens: a broken knowledge file stops its start, named.
  await live.ready;
  const learned = await stores.approvals.follow(live, approved, log);
  const core = composeCore({ policy, decider: live, articles: live, stores, clock, log, learned, review }, { chat: { web }, loop: { web }, leads: {}, intros: {} });
  return { core, live, sources };
}

function servePlayground(server: HttpServer, ctx: PlaygroundContext): void {
  servePageRoutes(server, ctx);
  serveCustomerRoutes(server, ctx);
  serveSpecialistRoutes(server, ctx);
  serveInboxRoutes(server, ctx);
  serveLeadRoutes(server, ctx);
  serveAnswerRoutes(server, ctx);
}

/**
 * The playground: the real core (the given policy with browser rooms added, the knowledge base, the
 * store, the LLM when one is configured), delivering through the web adapter, on one HTTP server bound
 * to BATON_PLAYGROUND_HOST.
 */
export async function startPlayground(opts: PlaygroundOptions): Promise<RunningPlayground> {
  const { env, log } = opts;
  const stores = await openUsableStores(env.BATON_STORE);
  const feed = new PlaygroundFeed();
  const { core, live, sources } = await playgroundCore(opts, stores, new WebGateway(feed));
  const runner = new DeliveryRunner(core, { deadlineMs: env.BATON_DELIVERY_DEADLINE_SECONDS * 1000, maxBackoffMs: MAX_BACKOFF_MS });
  core.deliveries = runner;
  const scheduler = loopScheduler(core);
  const syncing = sourcesScheduler(core.policy, sources, live, log);
  const intake = playgroundIntake(core, feed, log);
  await rebuildPages(core, feed, log);
  const reset = async () => {
    // A decision or delivery under way would write its conversation back into the emptied store.
    await intake.idle();
    await runner.idle();
    await emptyStore(stores.backend, env.BATON_STORE);
    feed.clear();
    log.info({}, 'playground reset: store and pages emptied');
  };
  const pageToken = newPageToken();
  let port = 0;
  const server = new HttpServer(log.child({ component: 'http' })).guardWith(playgroundGuard({ boundHost: env.BATON_PLAYGROUND_HOST, port: () => port, token: pageToken }));
  servePlayground(server, { core, feed, intake, reset, pageToken });
  addHealthRoutes(server, [{ name: 'store', check: () => probeStore(stores.backend.keyv) }]);
  port = await listenOrClose(server, env.PORT, stores, env.BATON_PLAYGROUND_HOST);
  scheduler.start();
  syncing.start();
  // The sources are taken up at once rather than one sweep later.
  void syncing.runNow();
  const host = env.BATON_PLAYGROUND_HOST.includes(':') ? `[${env.BATON_PLAYGROUND_HOST}]` : env.BATON_PLAYGROUND_HOST;
  return {
    core,
    feed,
    url: `http://${host}:${port}`,
    sweep: async () => {
      await scheduler.runNow();
      await syncing.runNow();
    },
    async stop() {
      feed.closeStreams();
      await server.close();
      await scheduler.stop();
      await syncing.stop();
      await intake.stop();
      await runner.stop(STOP_GRACE_MS);
      await live.stop();
      await stores.close();
    },
  };
}
