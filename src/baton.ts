import type { App } from '@slack/bolt';
import type { Logger as PinoLogger } from 'pino';
import type { Env } from './config/env.js';
import type { Policy } from './config/policy-schema.js';
import { loopPorts, loopScheduler, sourcesScheduler } from './compose-loop.js';
import type { CoreDeps } from './core/deps.js';
import { ChatGatewayRouter } from './core/delivery/gateway-router.js';
import { OnboardingGatewayRouter } from './core/onboarding/onboarding-gateway-router.js';
import { openTeams, teamsConfig } from './compose-teams.js';
import { systemClock, type Clock } from './core/ports/clock.js';
import type { KnowledgeEntry } from './core/ports/knowledge.js';
import type { LoopPorts } from './core/ports/loop-ports.js';
import { openLiveKnowledge, readKnowledgeFiles } from './infra/knowledge/open-live-knowledge.js';
import { KnowledgeSources } from './infra/knowledge/sources/knowledge-sources.js';
import { llmFrom } from './infra/llm/llm-from-env.js';
import { newEscalationId } from './infra/escalation-id.js';
import { createLimiterFactory } from './infra/limits/limiter-factory.js';
import type { Stores } from './infra/store/open-stores.js';
import { HttpServer } from './http/http-server.js';
import { serveOperations } from './http/serve-operations.js';
import { countedDecider } from './infra/metrics/counted-decider.js';
import { PrometheusMetrics } from './infra/metrics/prometheus-metrics.js';
import { connectSocketMode, verifySlackAuth } from './startup/slack-reachable.js';
import { listenOrClose } from './startup/listen.js';
import { openUsableStores } from './startup/usable-store.js';
import { createBoltApp, registerListeners } from './slack/create-slack-app.js';
import { composeIntake, type Intake, type TeamsIntake } from './compose-intake.js';
import { putInboxFirst } from './slack/intake/inbox-first-receiver.js';
import { countSlackEvents, serveSlackEvents } from './slack/events-endpoint.js';
import { InFlight } from './slack/in-flight.js';
import { timeSlackCalls } from './slack/gateway/timed-web-client.js';
import { SlackCaller } from './slack/gateway/slack-caller.js';
import { SlackGateway } from './slack/gateway/slack-gateway.js';
import { SlackOnboardingGateway } from './slack/gateway/slack-onboarding-gateway.js';
import { AuthorDirectory } from './slack/normalize/author-directory.js';

export interface BatonOptions {
  env: Env;
  policy: Policy;
  log: PinoLogger;
  /** The knowledge base; read from BATON_KB when not given. The policy's knowledge sources are added to it. */
  knowledge?: KnowledgeEntry[];
  clock?: Clock;
  /** Where the secrets the policy's knowledge sources name are read (default: the process environment). */
  sourceEnv?: NodeJS.ProcessEnv;
}

export interface RunningBaton {
  app: App;
  core: CoreDeps;
  stores: Stores;
  /**
   * Runs the due timers (SLA, CSAT, digest) and syncs the knowledge sources due, now, on the injected
   * clock: tests move the clock, then sweep.
   */
  sweep(): Promise<void>;
  /** The one HTTP server on PORT (both modes): /slack/events in HTTP mode, health, metrics; adapters add routes. */
  server: HttpServer;
  metrics: PrometheusMetrics;
  /** The inbox, its worker and the delivery runner (tests wait on `worker.idle()`). */
  intake: Intake;
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
  const { env, policy, log } = opts;
  const readFiles = () => opts.knowledge ?? readKnowledgeFiles(env, log);
  // Read before anything connects: a broken knowledge file is named as the reason the start failed.
  const fromFiles = readFiles();
  const teamsSettings = teamsConfig(env, policy);
  const { app, receiver, transport } = createBoltApp(env, log, await verifySlackAuth(env, log));
  const stores = await openUsableStores(env.BATON_STORE);
  const clock = opts.clock ?? systemClock;
  const sources = new KnowledgeSources(policy.knowledge, { store: stores.sources, locks: stores.locks, env: opts.sourceEnv ?? process.env, log: log.child({ component: 'knowledge-sources' }), now: () => clock.now() });
  await sources.refresh();
  const readKnowledge = () => [...readFiles(), ...sources.entries()];
  const knowledge = [...fromFiles, ...sources.entries()];
  const metrics = new PrometheusMetrics();
  const llm = llmFrom(env, metrics);
  timeSlackCalls(app.client, metrics);
  const limiters = createLimiterFactory(stores.backend.kind === 'redis' ? env.BATON_STORE : undefined, log.child({ component: 'limiters' }));
  const slack = new SlackCaller(app.client, log.child({ component: 'slack-api' }), limiters);
  const { live, approved, review } = await openLiveKnowledge({ env, policy, log, first: knowledge, read: readKnowledge, watch: !opts.knowledge, candidates: stores.candidates, ...(llm ? { llm } : {}) });
  const learned = await stores.approvals.follow(live, approved, log);
  const syncing = sourcesScheduler(policy, sources, live, log);
  const teams = teamsSettings && openTeams(teamsSettings, policy, stores, limiters, log);
  const server = new HttpServer(log.child({ component: 'http' }));
  const slackOnboarding = new SlackOnboardingGateway(slack);
  const core: CoreDeps & { loop: LoopPorts } = {
    policy,
    decider: countedDecider(live, metrics),
    gateway: new ChatGatewayRouter({ slack: new SlackGateway(slack, log), ...(teams ? { teams: teams.gateway } : {}) }),
    conversations: stores.conversations,
    escalations: stores.escalations,
    once: stores.once,
    locks: stores.locks,
    clock,
    log,
    newId: newEscalationId,
    loop: { ...loopPorts(stores, slack, learned, log, teams?.gateway), review },
    // The leads' messages go to the leads' channel's platform; an introduction to the customer's.
    onboarding: { store: stores.onboarding, gateway: new OnboardingGatewayRouter({ slack: slackOnboarding, ...(teams ? { teams: teams.leads } : {}) }, { slack: slackOnboarding, ...(teams ? { teams: teams.intros } : {}) }) },
  };
  const scheduler = loopScheduler(core);
  const directory = new AuthorDirectory(policy, slack, log);
  const teamsIntake: TeamsIntake | undefined = teams && ((ctx) => teams.serve(server, core, ctx, metrics));
  const { intake, deps } = await composeIntake(env, core, { core, slack, directory, log }, metrics, teamsIntake);
  putInboxFirst(transport, app, intake.worker, metrics, !receiver, log.child({ component: 'intake' }));
  const inFlight = new InFlight();
  inFlight.attach(app);
  countSlackEvents(app, metrics, !receiver);
  registerListeners(app, deps);
  const recovered = await intake.recover();
  if (recovered > 0) log.info({ items: recovered }, 'resuming events a previous run left unfinished');

  if (receiver) serveSlackEvents(server, receiver, metrics);
  serveOperations(server, {
    stores,
    metrics,
    clock,
    sources,
    slackAuth: () => app.client.auth.test(),
    oldestOwed: () => intake.runner.oldestOwed(),
    ...(limiters.clustered ? { limits: () => limiters.check() } : {}),
  });
  const port = await listenOrClose(server, env.PORT, stores);
  if (!receiver) await connectSocketMode(app, env).catch(async (err: unknown) => {
    await Promise.all([server.close(), limiters.close(), stores.close()]);
    throw err;
  });
  scheduler.start();
  syncing.start();
  // A Baton that starts takes up its sources at once rather than one sweep later.
  void syncing.runNow();
  log.info(
    { mode: receiver ? 'http' : 'socket', port, store: stores.backend.kind, knowledge: knowledge.length, llm: llm ? env.OPENAI_MODEL : 'off', teams: teams ? 'on' : 'off' },
    'Baton is running',
  );
  return {
    app,
    core,
    stores,
    server,
    metrics,
    intake,
    port,
    sweep: async () => {
      await scheduler.runNow();
      await syncing.runNow();
    },
    async idle() {
      // One part's work can start another's (an item decided schedules its deliveries): loop until all are still.
      while (inFlight.busy || intake.worker.busy || intake.runner.busy) {
        await Promise.all([inFlight.drain(STOP_GRACE_MS), intake.worker.idle(), intake.runner.idle()]);
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
    async stop() {
      await server.close();
      if (!receiver) await app.stop();
      await inFlight.drain(STOP_GRACE_MS);
      await intake.stop(STOP_GRACE_MS);
      await scheduler.stop();
      await syncing.stop();
      await live.stop();
      await slack.stop();
      await teams?.stop();
      await limiters.close();
      await stores.close();
    },
  };
}
