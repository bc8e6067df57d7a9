import type { LoopDeps } from './core/deps.js';
import type { Policy } from './config/policy-schema.js';
import { type ByPlatform, LoopGatewayRouter } from './core/delivery/gateway-router.js';
import type { KnowledgeSink } from './core/ports/kb-candidates.js';
import type { Logger } from './core/ports/logger.js';
import type { LoopGateway } from './core/ports/loop-gateway.js';
import type { LoopPorts } from './core/ports/loop-ports.js';
import { runDueTimers } from './core/timers/run-due-timers.js';
import type { KnowledgeSources } from './infra/knowledge/sources/knowledge-sources.js';
import { IntervalScheduler } from './infra/scheduler/interval-scheduler.js';
import type { Stores } from './infra/store/open-stores.js';

/** The loop's ports from the opened stores, each platform's loop gateway and the live knowledge index. */
export function loopPorts(stores: Stores, gateways: ByPlatform<LoopGateway>, index: KnowledgeSink): LoopPorts {
  const notify = new LoopGatewayRouter(gateways);
  return { facts: stores.facts, csat: stores.csat, candidates: stores.candidates, feedback: stores.feedback, notify, knowledge: index };
}

/** The sweep of SLA nudges, CSAT asks and the digest, every `scheduler.interval_seconds`, on the core's clock. */
export function loopScheduler(core: LoopDeps): IntervalScheduler {
  const log = core.log.child({ component: 'scheduler' });
  return new IntervalScheduler(core.policy.scheduler.interval_seconds * 1000, () => runDueTimers(core, core.clock.now()), log);
}

/**
 * The knowledge sources' sweep, on the same interval as the timers but apart from them, so a slow crawl
 * never holds up an SLA nudge: sources due are synced, and the index is built again when any changed.
 */
export function sourcesScheduler(policy: Policy, sources: KnowledgeSources, live: { reload(): Promise<void> }, log: Logger): IntervalScheduler {
  return new IntervalScheduler(policy.scheduler.interval_seconds * 1000, async () => {
    if (await sources.sweep()) await live.reload();
  }, log.child({ component: 'knowledge-sources' }));
}
