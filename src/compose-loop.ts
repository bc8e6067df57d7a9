import type { LoopDeps } from './core/deps.js';
import { LoopGatewayRouter } from './core/delivery/gateway-router.js';
import type { KnowledgeSink } from './core/ports/kb-candidates.js';
import type { Logger } from './core/ports/logger.js';
import type { LoopGateway } from './core/ports/loop-gateway.js';
import type { LoopPorts } from './core/ports/loop-ports.js';
import { runDueTimers } from './core/timers/run-due-timers.js';
import { IntervalScheduler } from './infra/scheduler/interval-scheduler.js';
import type { Stores } from './infra/store/open-stores.js';
import type { SlackCaller } from './slack/gateway/slack-caller.js';
import { SlackLoopGateway } from './slack/gateway/slack-loop-gateway.js';

/** The loop's ports from the opened stores, the Slack caller and the live knowledge index. */
export function loopPorts(stores: Stores, slack: SlackCaller, index: KnowledgeSink, log: Logger, teams?: LoopGateway): LoopPorts {
  const notify = new LoopGatewayRouter({ slack: new SlackLoopGateway(slack, log), ...(teams ? { teams } : {}) });
  return { facts: stores.facts, csat: stores.csat, candidates: stores.candidates, feedback: stores.feedback, notify, knowledge: index };
}

/** The sweep of SLA nudges, CSAT asks and the digest, every `scheduler.interval_seconds`, on the core's clock. */
export function loopScheduler(core: LoopDeps): IntervalScheduler {
  const log = core.log.child({ component: 'scheduler' });
  return new IntervalScheduler(core.policy.scheduler.interval_seconds * 1000, () => runDueTimers(core, core.clock.now()), log);
}
