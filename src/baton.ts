import type { App } from '@slack/bolt';
import type { Logger as PinoLogger } from 'pino';
import type { Env } from './config/env.js';
import type { Policy } from './config/policy-schema.js';
import { buildDecider } from './core/answer/build-decider.js';
import type { CoreDeps } from './core/deps.js';
import { systemClock, type Clock } from './core/ports/clock.js';
import type { KnowledgeEntry } from './core/ports/knowledge.js';
import { newEscalationId } from './infra/escalation-id.js';
import { openStores, type Stores } from './infra/store/open-stores.js';
import { createBoltApp, registerListeners } from './slack/create-slack-app.js';
import { SlackCaller } from './slack/gateway/slack-caller.js';
import { SlackGateway } from './slack/gateway/slack-gateway.js';
import { AuthorDirectory } from './slack/normalize/author-directory.js';

export interface BatonOptions {
  env: Env;
  policy: Policy;
  log: PinoLogger;
  knowledge: KnowledgeEntry[];
  clock?: Clock;
}

export interface RunningBaton {
  app: App;
  core: CoreDeps;
  stores: Stores;
  /** The HTTP port actually bound (HTTP mode), useful when PORT=0. */
  port?: number;
  stop(): Promise<void>;
}

/** The composition root as a function, so tests start exactly what `npm start` starts. */
export async function startBaton(opts: BatonOptions): Promise<RunningBaton> {
  const { env, policy, log } = opts;
  const stores = await openStores(env.BATON_STORE);
  const app = createBoltApp(env, log);
  const slack = new SlackCaller(app.client, log.child({ component: 'slack-api' }));
  const core: CoreDeps = {
    policy,
    decider: buildDecider({ policy, kb: opts.knowledge }),
    gateway: new SlackGateway(slack, log),
    conversations: stores.conversations,
    escalations: stores.escalations,
    once: stores.once,
    locks: stores.locks,
    clock: opts.clock ?? systemClock,
    log,
    newId: newEscalationId,
  };
  const directory = new AuthorDirectory(policy, slack, log);
  registerListeners(app, { core, slack, directory, log });
  const started = (await app.start(env.PORT)) as unknown;
  const address = (started as { address?: () => { port: number } | string | null } | undefined)?.address?.();
  const port = address && typeof address === 'object' ? address.port : undefined;
  log.info({ mode: env.SLACK_APP_TOKEN ? 'socket' : 'http', port, store: stores.backend.kind }, 'Baton is running');
  return {
    app,
    core,
    stores,
    port,
    async stop() {
      await app.stop();
      await slack.stop();
      await stores.close();
    },
  };
}
