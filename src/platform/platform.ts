import type { Logger as PinoLogger } from 'pino';
import type { Env } from '../config/env.js';
import type { Policy } from '../config/policy-schema.js';
import type { LoopDeps } from '../core/deps.js';
import type { ConversationRef } from '../core/model/conversation-ref.js';
import type { ChatGateway } from '../core/ports/chat-gateway.js';
import type { InboxItem } from '../core/ports/inbox.js';
import type { LoopGateway } from '../core/ports/loop-gateway.js';
import type { IntroGateway, LeadsOnboardingGateway } from '../core/ports/onboarding.js';
import type { HttpServer } from '../http/http-server.js';
import type { DeliveryRunner } from '../infra/delivery/delivery-runner.js';
import type { InboxWorker } from '../infra/intake/inbox-worker.js';
import type { LimiterFactory } from '../infra/limits/limiter-factory.js';
import type { PrometheusMetrics } from '../infra/metrics/prometheus-metrics.js';
import type { Stores } from '../infra/store/open-stores.js';

/**
 * One chat platform Baton serves (Slack, Teams, a fake in tests): everything that knows the platform's
 * name lives behind this interface, in the platform's own folder. The composition root (src/baton.ts)
 * opens the platforms that are configured and knows them only through it; the core knows a platform
 * only as the `tag` in a reference (`{ platform: tag, channel, thread }`).
 */
/** The environment as given (unchecked) or as read (Env): only which names are set matters here. */
export type SettingsSource = Readonly<Record<string, unknown>>;

export interface Platform<S = unknown> {
  /** The tag of every reference on this platform (`slack`, `teams`), and the name in metrics and logs. */
  readonly tag: string;
  /** Whether this process runs the platform: a setting of its own is set, or the policy names a channel on it. */
  wanted(settings: SettingsSource, policy: Policy | undefined): boolean;
  /** The settings it cannot start without that are not set, each named with what it is and where to find it. */
  missing(settings: SettingsSource): string[];
  /** Its settings, checked; throws a ConfigError naming every problem. */
  settings(env: Env, policy: Policy, source: NodeJS.ProcessEnv): S;
  /** What it adds to the policy every platform runs with (the playground's rooms); only ever what concerns its own conversations. */
  adjustPolicy?(policy: Policy, settings: S): Policy;
  /** Connects (checking the credentials once) and builds the platform's delivery side; nothing is served yet. */
  open(settings: S, ctx: PlatformContext): Promise<OpenPlatform>;
}

/** What a platform is opened with: the process's settings and the shared infrastructure. */
export interface PlatformContext {
  env: Env;
  policy: Policy;
  stores: Stores;
  limiters: LimiterFactory;
  metrics: PrometheusMetrics;
  log: PinoLogger;
}

/** A platform opened for this process: its delivery side for the core, and how it takes events in. */
export interface OpenPlatform {
  /** Delivery of the core's messages (answers, packets, notices) on this platform. */
  gateway: ChatGateway;
  /** Delivery of the loop's messages (reminders, rating prompts, digests). */
  loop: LoopGateway;
  /** The leads' new-conversation messages, when leads work on this platform. */
  leads?: LeadsOnboardingGateway;
  /** The introduction a lead approved, posted in a customer conversation on this platform. */
  intros?: IntroGateway;
  /**
   * Its readiness for /readyz, named there by the tag: resolves while the platform takes Baton's credentials,
   * throws naming the step that failed (`auth.test: token_revoked`, `Bot Connector token: invalid_client`).
   */
  ready(): Promise<void>;
  /** Where its own conversations' packets and alerts go instead of the queue's channel: its board for the queue (a channel name). */
  boards?(queueId: string): string;
  /** The one address it must be reached at (the playground's loopback); the server binds there when every platform running names the same. */
  host?: string;
  /** Where a person opens it in a browser, once the server listens (printed at start). */
  readonly url?: string;
  /** Adds the platform's routes (or opens nothing yet for a socket) and returns its side of the inbox. */
  serve(ctx: ServeContext): PlatformIntake;
  /** Opens what the platform holds open besides the HTTP routes (Slack's Socket Mode), once the server listens. */
  connect?(): Promise<void>;
  /** True while platform work outside the inbox is under way (a listener replying); `drain` waits for it. */
  readonly busy?: boolean;
  drain?(graceMs: number): Promise<void>;
  /** Stops taking events (before the inbox stops). */
  stopTaking?(): Promise<void>;
  /** Releases the platform's resources (limiters, clients), after the inbox and deliveries stopped. */
  close(): Promise<void>;
}

/** What a platform's routes and inbox handler are built with, once the core and the inbox exist. */
export interface ServeContext {
  core: LoopDeps;
  server: HttpServer;
  metrics: PrometheusMetrics;
  runner: DeliveryRunner;
  worker(): InboxWorker;
  /** Records an event in the inbox before it is acknowledged; throws when the store cannot take it. */
  take(item: InboxItem): Promise<void>;
}

/** A platform's side of the one inbox: items whose lane carries its tag are handed to it. */
export interface PlatformIntake {
  /** Decides a group of this platform's inbox items through the core and settles them. */
  handle(items: InboxItem[], recovered: boolean): Promise<void>;
  /** The text and conversation of a customer message item (held for the ones sent right after it); undefined for a press. */
  heldMessage(item: InboxItem): { text: string; ref: ConversationRef } | undefined;
}
