import type { Logger as PinoLogger } from 'pino';
import type { Env } from './config/env.js';
import type { Policy } from './config/policy-schema.js';
import { composeCore } from './compose-core.js';
import { loopScheduler, sourcesScheduler } from './compose-loop.js';
import type { CoreDeps } from './core/deps.js';
import { systemClock, type Clock } from './core/ports/clock.js';
import type { KnowledgeEntry } from './core/ports/knowledge.js';
import { loadDocs } from './infra/knowledge/load-docs.js';
import { openLiveKnowledge } from './infra/knowledge/open-live-knowledge.js';
import { KnowledgeSources } from './infra/knowledge/sources/knowledge-sources.js';
import { llmFrom } from './infra/llm/llm-from-env.js';
import { createLimiterFactory } from './infra/limits/limiter-factory.js';
import type { Stores } from './infra/store/open-stores.js';
import { HttpServer } from './http/http-server.js';
import { serveOperations } from './http/serve-operations.js';
import { countedDecider } from './infra/metrics/counted-decider.js';
import { PrometheusMetrics } from './infra/metrics/prometheus-metrics.js';
import { listenOrClose } from './startup/listen.js';
import { openUsableStores } from './startup/usable-store.js';
import { composeIntake, type Intake } from './compose-intake.js';
import { configuredPlatforms } from './platform/configured-platforms.js';
import type { OpenPlatform, Platform, PlatformContext } from './platform/platform.js';
import { PLATFORMS } from './platforms.js';

export interface BatonOptions {
  env: Env;
  policy: Policy;
  log: PinoLogger;
  /** The knowledge base; read from BATON_KB when not given. The policy's knowledge sources are added to it. */
  knowledge?: KnowledgeEntry[];
  clock?: Clock;
  /** Where the secrets the policy's knowledge sources name are read (default: the process environment). */
  sourceEnv?: NodeJS.ProcessEnv;
  /** The platforms Baton can run (default: PLATFORMS); those configured in `env` and the policy run. */
  platforms?: Platform[];
}

export interface RunningBaton {
  /** The platforms running, by tag. */
  platforms: ReadonlyMap<string, OpenPlatform>;
  core: CoreDeps;
  stores: Stores;
  /**
   * Runs the due timers (SLA, CSAT, digest) and syncs the knowledge sources due, now, on the injected
   * clock: tests move the clock, then sweep.
   */
  sweep(): Promise<void>;
  /** The one HTTP server on PORT: health, metrics, and each platform's routes. */
  server: HttpServer;
  metrics: PrometheusMetrics;
  /** The inbox, its worker and the delivery runner (tests wait on `worker.idle()`). */
  intake: Intake;
  /**
   * Resolves once the knowledge is built and Baton decides (it serves and records events before);
   * rejects with the reason it cannot be (a broken knowledge file), which stops the start.
   */
  ready: Promise<void>;
  /** The HTTP port actually bound, useful when PORT=0. */
  port: number;
  /**
   * Resolves once nothing is under way: no listener work, inbox item or delivery run (a retry waiting
   * on its timer does not count). What a test waits for before asserting that something did NOT happen.
   */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/** How long a stop waits for listener work already under way (a Slack post retrying a 429, say). */
const STOP_GRACE_MS = 15_000;

/** The composition root as a function, so tests start exactly what `npm start` starts. */
export async function startBaton(opts: BatonOptions): Promise<RunningBaton> {
  const { env, log } = opts;
  const configured = configuredPlatforms(opts.platforms ?? PLATFORMS, env, opts.policy, opts.sourceEnv ?? process.env);
  const policy = configured.reduce((p, { platform, settings }) => platform.adjustPolicy?.(p, settings) ?? p, opts.policy);
  const stores = await openUsableStores(env.BATON_STORE);
  const clock = opts.clock ?? systemClock;
  const sources = new KnowledgeSources(policy.knowledge, { store: stores.sources, locks: stores.locks, env: opts.sourceEnv ?? process.env, log: log.child({ component: 'knowledge-sources' }), now: () => clock.now() });
  await sources.refresh();
  // Loaded (or read and indexed) once the port is open, while Baton serves: events are recorded meanwhile and decided once it is in.
  let listening = () => {};
  const listened = new Promise<void>((resolve) => (listening = resolve));
  const others = () => [...(opts.knowledge ?? loadDocs(env.BATON_DOCS, log)), ...sources.entries()];
  const metrics = new PrometheusMetrics();
  const llm = llmFrom(env, metrics);
  const limiters = createLimiterFactory(stores.backend.kind === 'redis' ? env.BATON_STORE : undefined, log.child({ component: 'limiters' }));
  const platforms = await openPlatforms(configured, { env, policy, stores, limiters, metrics, log }, () => Promise.all([limiters.close(), stores.close()]));
  const { live, approved, review, building } = await openLiveKnowledge({ policy, log, ...(opts.knowledge ? {} : { file: env.BATON_KB }), others, after: listened, candidates: stores.candidates, ...(llm ? { llm } : {}) });
  const learned = await stores.approvals.follow(live, approved, log);
  const syncing = sourcesScheduler(policy, sources, live, log);
  const server = new HttpServer(log.child({ component: 'http' }));
  const each = <G>(side: (p: OpenPlatform) => G | undefined) => Object.fromEntries([...platforms].flatMap(([tag, p]) => { const g = side(p); return g ? [[tag, g]] : []; }));
  const core = composeCore(
    { policy, decider: countedDecider(live, metrics), articles: live, stores, clock, log, learned, review },
    { chat: each((p) => p.gateway), loop: each((p) => p.loop), leads: each((p) => p.leads), intros: each((p) => p.intros), boards: each((p) => p.boards) },
  );
  const scheduler = loopScheduler(core);
  const intake = await composeIntake(env, core, ({ worker, runner }) => new Map([...platforms].map(([tag, p]) => [tag, p.serve({ core, server, metrics, runner, worker, take: (item) => worker().take(item) })])), metrics, log);
  const recovered = await intake.recover();
  if (recovered > 0) log.info({ items: recovered }, 'resuming events a previous run left unfinished');

  serveOperations(server, {
    stores,
    metrics,
    clock,
    sources,
    readiness: [...platforms].map(([tag, p]) => ({ name: tag, check: () => p.ready() })),
    oldestOwed: () => intake.runner.oldestOwed(),
    knowledgeBuilding: building,
    ...(limiters.clustered ? { limits: () => limiters.check() } : {}),
  });
  const port = await listenOrClose(server, env.PORT, stores, bindHost(platforms));
  listening();
  for (const p of platforms.values()) await p.connect?.().catch(async (err: unknown) => {
    await Promise.all([server.close(), limiters.close(), stores.close()]);
    throw err;
  });
  scheduler.start();
  syncing.start();
  // A Baton that starts takes up its sources at once rather than one sweep later.
  void syncing.runNow();
  log.info(
    { platforms: [...platforms.keys()], port, store: stores.backend.kind, llm: llm ? env.OPENAI_MODEL : 'off' },
    'Baton is running',
  );
  const busy = () => [...platforms.values()].some((p) => p.busy);
  const drain = () => Promise.all([...platforms.values()].map((p) => p.drain?.(STOP_GRACE_MS)));
  return {
    platforms,
    core,
    stores,
    server,
    metrics,
    intake,
    ready: live.ready,
    port,
    sweep: async () => {
      await scheduler.runNow();
      await syncing.runNow();
    },
    async idle() {
      // One part's work can start another's (an item decided schedules its deliveries): loop until all are still.
      while (busy() || intake.worker.busy || intake.runner.busy) {
        await Promise.all([drain(), intake.worker.idle(), intake.runner.idle()]);
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
    async stop() {
      // The server closes once its connections end: a platform that holds some open (a page's event stream) ends them as it stops taking.
      const closed = server.close();
      for (const p of platforms.values()) await p.stopTaking?.();
      await closed;
      await drain();
      await intake.stop(STOP_GRACE_MS);
      await scheduler.stop();
      await syncing.stop();
      await live.stop();
      for (const p of platforms.values()) await p.close();
      await limiters.close();
      await stores.close();
    },
  };
}

/** Where the server binds: the one address every platform running asks for (the playground alone: loopback), else every interface. */
function bindHost(platforms: ReadonlyMap<string, OpenPlatform>): string | undefined {
  const hosts = new Set([...platforms.values()].map((p) => p.host));
  return hosts.size === 1 ? [...hosts][0] : undefined;
}

/** Opens each configured platform in turn; when one cannot (a refused token), closes what was opened and rethrows. */
async function openPlatforms(configured: ReturnType<typeof configuredPlatforms>, ctx: PlatformContext, closeShared: () => Promise<unknown>): Promise<Map<string, OpenPlatform>> {
  const open = new Map<string, OpenPlatform>();
  try {
    for (const { platform, settings } of configured) open.set(platform.tag, await platform.open(settings, ctx));
    return open;
  } catch (err) {
    for (const p of open.values()) await p.close();
    await closeShared();
    throw err;
  }
}
