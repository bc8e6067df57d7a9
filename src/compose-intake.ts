import type { Env } from './config/env.js';
import { standsAlone } from './core/conversation/stands-alone.js';
import type { CoreDeps } from './core/deps.js';
import type { InboundMessage } from './core/model/message.js';
import type { InboxItem } from './core/ports/inbox.js';
import type { Metrics } from './core/ports/metrics.js';
import { alertDeadLetter } from './core/delivery/dead-letter-alert.js';
import { DeliveryRunner } from './infra/delivery/delivery-runner.js';
import { InboxWorker } from './infra/intake/inbox-worker.js';
import { KeyvInbox } from './infra/store/keyv-inbox.js';
import { slackItemHandler } from './slack/intake/process-slack-item.js';
import type { SlackDeps } from './slack/slack-deps.js';
import type { SlackInboxPayload } from './slack/intake/slack-inbox-item.js';
import { isTeamsItem } from './teams/intake/teams-inbox-item.js';

/** Decisions taken at once across conversations (each waits on the store and, with an LLM, the model). */
const CONCURRENCY = 64;
/** Internal messages (packets, alerts) are retried at least this often, forever. */
const MAX_BACKOFF_MS = 30_000;

/**
 * The text and channel of a customer-channel message, from either platform's inbox payload: it waits for
 * the ones sent right after it; a button press (no message) is acted on at once.
 */
function heldMessage(item: InboxItem): { text: string; ref: InboundMessage['ref'] } | undefined {
  if (isTeamsItem(item)) return item.payload.kind === 'message' ? item.payload.message : undefined;
  const payload = item.payload as SlackInboxPayload;
  return payload.kind === 'message' ? payload.inbound.message : undefined;
}

export interface Intake {
  inbox: KeyvInbox;
  worker: InboxWorker;
  runner: DeliveryRunner;
  /** Queues what a previous run left unfinished; call before accepting new events. */
  recover(): Promise<number>;
  stop(graceMs: number): Promise<void>;
}

export type ItemHandler = (items: InboxItem[], recovered: boolean) => Promise<void>;
/** Another platform's inbox handler, built once the worker and runner exist (the Teams edge). */
export type TeamsIntake = (ctx: { worker(): InboxWorker; runner: DeliveryRunner }) => ItemHandler;

/** The inbox, its worker and the outbox's delivery runner, wired to the core and the Slack (and Teams) adapter. */
export async function composeIntake(env: Env, core: CoreDeps, slack: Omit<SlackDeps, 'intake'>, metrics: Metrics, teams?: TeamsIntake): Promise<{ intake: Intake; deps: SlackDeps }> {
  const inbox = await KeyvInbox.open(env.BATON_STORE);
  let worker: InboxWorker | undefined;
  const runner = new DeliveryRunner(core, {
    deadlineMs: env.BATON_DELIVERY_DEADLINE_SECONDS * 1000,
    maxBackoffMs: MAX_BACKOFF_MS,
    beforeFirstAttempt: (key) => worker!.markDelivering(key),
  });
  core.deliveries = runner;
  const deps: SlackDeps = { ...slack, intake: { take: (item) => worker!.take(item) } };
  const slackHandle = slackItemHandler({ ...deps, runner, metrics, worker: () => worker! });
  const teamsHandle = teams?.({ runner, worker: () => worker! });
  const handle: ItemHandler = (items, recovered) => (teamsHandle && items.some(isTeamsItem) ? teamsHandle(items, recovered) : slackHandle(items, recovered));
  const holdMs = core.policy.grouping.window_seconds * 1000;
  worker = new InboxWorker(
    inbox,
    handle,
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
        const platform = isTeamsItem(letter.item) ? 'teams' : 'slack';
        metrics.deadLettered(platform);
        void alertDeadLetter(core, letter, platform);
      },
    },
    slack.log.child({ component: 'intake' }),
  );
  const running = worker;
  return {
    deps,
    intake: {
      inbox,
      worker: running,
      runner,
      recover: () => running.recover(),
      async stop(graceMs) {
        running.stop();
        const deadline = new Promise((r) => setTimeout(r, graceMs).unref());
        await Promise.race([running.idle(), deadline]);
        await runner.stop(graceMs);
        // Clears that keep failing (the store away) are not waited for past the grace: the next start finds those items done.
        await Promise.race([running.flush(), deadline]);
        await inbox.close();
      },
    },
  };
}
