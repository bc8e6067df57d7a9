import { App } from '@slack/bolt';
import type { Logger as PinoLogger } from 'pino';
import type { Env } from '../config/env.js';
import { registerApproveCandidate } from './actions/approve-candidate.js';
import { registerClaimRelease } from './actions/claim-release.js';
import { registerCsatRating } from './actions/csat-rating.js';
import { registerOpenCloseModal } from './actions/open-close-modal.js';
import { registerTalkToHuman } from './actions/talk-to-human.js';
import { boltLogger } from './bolt-logger.js';
import { registerBatonCommand } from './commands/baton-command.js';
import { registerAppHome } from './events/app-home.js';
import { registerChannelIdChanged } from './events/channel-id-changed.js';
import { registerCustomerMessages } from './events/customer-message.js';
import type { SlackDeps } from './slack-deps.js';
import { registerCloseSubmission } from './views/close-submission.js';

/** Listener registrations by surface: a new surface is one file and one line here. */
export type Registration = (app: App, deps: SlackDeps) => void;

export const CORE_REGISTRATIONS: Registration[] = [
  registerCustomerMessages,
  registerTalkToHuman,
  registerClaimRelease,
  registerOpenCloseModal,
  registerCloseSubmission,
  registerCsatRating,
  registerApproveCandidate,
  registerBatonCommand,
  registerAppHome,
  registerChannelIdChanged,
];

/**
 * The Bolt app in Socket Mode when SLACK_APP_TOKEN is set, otherwise HTTP on /slack/events.
 * The Web API client neither retries nor queues on 429: SlackCaller does both, per method and channel.
 */
export function createBoltApp(env: Env, log: PinoLogger): App {
  const clientOptions = {
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 10_000,
    ...(env.SLACK_API_URL ? { slackApiUrl: env.SLACK_API_URL } : {}),
  };
  const common = { token: env.SLACK_BOT_TOKEN, logger: boltLogger(log), clientOptions };
  // Bolt hands the App's clientOptions to the Socket Mode client too (via installerOptions). With
  // retries: 0 one failed apps.connections.open during a connection refresh rejects unhandled in
  // @slack/socket-mode: no reconnect, and Node exits. Its client keeps its own retry default.
  const socketClientOptions = { timeout: clientOptions.timeout, ...(env.SLACK_API_URL ? { slackApiUrl: env.SLACK_API_URL } : {}) };
  return env.SLACK_APP_TOKEN
    ? new App({ ...common, appToken: env.SLACK_APP_TOKEN, socketMode: true, installerOptions: { clientOptions: socketClientOptions } })
    : new App({ ...common, signingSecret: env.SLACK_SIGNING_SECRET ?? '' });
}

export function registerListeners(app: App, deps: SlackDeps, registrations: Registration[] = CORE_REGISTRATIONS): void {
  for (const register of registrations) register(app, deps);
  app.error(async (err) => {
    deps.log.error({ err }, 'unhandled error in a Slack listener');
  });
}
