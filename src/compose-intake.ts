import type { Env } from './config/env.js';
import { standsAlone } from './core/conversation/stands-alone.js';
import type { CoreDeps } from './core/deps.js';
import { platformOfKey } from './core/model/conversation-ref.js';
import type { Logger } from './core/ports/logger.js';
import type { InboxItem } from './core/ports/inbox.js';
import type { Metrics } from './core/ports/metrics.js';
import { alertDeadLetter } from './core/delivery/dead-letter-alert.js';
import { DeliveryRunner } from './infra/delivery/delivery-runner.js';
import { InboxWorker } from './infra/intake/inbox-worker.js';
import { KeyvInbox } from './infra/store/keyv-inbox.js';
import type { PlatformIntake } from './platform/platform.js';
import { BatonError } from './core/errors/error-catalogue.js';

/** Decisions taken at once across conversations (each waits on the store and, with an LLM, the model). */
const CONCURRENCY = 64;
/** Internal messages (packets, alerts) are retried at least this often, forever. */
const MAX_BACKOFF_MS = 30_000;

export interface Intake {
  inbox: KeyvInbox;
  worker: InboxWorker;
  runner: DeliveryRunner;
  /** Queues what a previous run left unfinished; call before accepting new events. */
  recover(): Promise<number>;
  stop(graceMs: number): Promise<void>;
}

/** The platforms' side of the inbox, built once the worker and runner exist. */
export type PlatformIntakes = (ctx: { worker(): InboxWorker; runner: DeliveryRunner }) => ReadonlyMap<string, PlatformIntake>;

/** The intake of the platform an item's lane (a conversation key) names; an item of a platform not running here is a bug of the recovery. */
function intakeOf(intakes: ReadonlyMap<string, PlatformIntake>, item: InboxItem): PlatformIntake {
  const platform = platformOfKey(item.lane);
  const intake = platform === undefined ? undefined : intakes.get(platform);
  if (!intake) throw new BatonError('BATON_NO_PLATFORM', `no platform runs here for inbox item ${item.id} (lane ${item.lane})`);
  return intake;
}

/** The inbox, its worker and the outbox's delivery runner, wired to the core and to each platform's intake. */
export async function composeIntake(env: Env, core: CoreDeps, platforms: PlatformIntakes, metrics: Metrics, log: Logger): Promise<Intake> {
  const inbox = await KeyvInbox.open(env.BATON_STORE);
  let intakes: ReadonlyMap<string, PlatformIntake> = new Map();
  const heldMessage = (item: InboxItem) => intakes.get(platformOfKey(item.lane) ?? '')?.heldMessage(item);
  const holdMs = core.policy.grouping.window_seconds * 1000;
  const worker = new InboxWorker(
    inbox,
    // Only looked up: the worker calls the platform's handler itself, one hop fewer for every message.
    (item) => intakeOf(intakes, item),
    {
      maxDepth: env.BATON_MAX_BACKLOG,
      concurrency: CONCURRENCY,
      onDepth: (d) => metrics.intakeBacklog(d),
      holdMs: (item) => (heldMessage(item) ? holdMs : 0),
      standsAlone: async (item) => {
        const message = heldMessage(item);
        return message ? standsAlone(core, message) : true;
      },
      joinNewThreads: core.policy.grouping.new_messages,
      maxTries: env.BATON_INBOX_MAX_TRIES,
      onDeadLetter: (letter) => {
        const platform = platformOfKey(letter.item.lane) ?? 'unknown';
        metrics.deadLettered(platform);
        void alertDeadLetter(core, letter, platform);
      },
    },
    log.child({ component: 'intake' }),
  );
  const runner = new DeliveryRunner(core, {
    deadlineMs: env.BATON_DELIVERY_DEADLINE_SECONDS * 1000,
    maxBackoffMs: MAX_BACKOFF_MS,
    beforeFirstAttempt: worker.markDelivering,
  });
  core.deliveries = runner;
  // Built once the worker exists: a platform puts the inbox in front of its listeners as it serves.
  intakes = platforms({ runner, worker: () => worker });
  return {
    inbox,
    worker,
    runner,
    recover: () => worker.recover(),
    async stop(graceMs) {
      worker.stop();
      const deadline = new Promise((r) => setTimeout(r, graceMs).unref());
      await Promise.race([worker.idle(), deadline]);
      await runner.stop(graceMs);
      // Clears that keep failing (the store away) are not waited for past the grace: the next start finds those items done.
      await Promise.race([worker.flush(), deadline]);
      await inbox.close();
    },
  };
}
