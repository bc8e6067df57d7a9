import { App, HTTPReceiver, SocketModeReceiver, type Receiver } from '@slack/bolt';
import type { Logger as PinoLogger } from 'pino';
import type { Env } from '../config/env.js';
import { registerAnswerFeedback } from './actions/answer-feedback.js';
import { registerApproveCandidate } from './actions/approve-candidate.js';
import { registerReviewAnswer } from './actions/review-answer.js';
import { registerShareCandidate } from './actions/share-candidate.js';
import { registerChooseReading } from './actions/choose-reading.js';
import { registerClaimRelease } from './actions/claim-release.js';
import { registerCsatRating } from './actions/csat-rating.js';
import { registerOpenCloseModal } from './actions/open-close-modal.js';
import { registerAssign } from './actions/assign.js';
import { registerOpenNoteComposer } from './actions/open-note-composer.js';
import { registerOpenReplyComposer } from './actions/open-reply-composer.js';
import { registerTalkToHuman } from './actions/talk-to-human.js';
import { registerReviewDraft } from './actions/review-draft.js';
import { registerEditDraft } from './actions/edit-draft.js';
import { registerDraftSubmission } from './views/draft-submission.js';
import { boltLogger } from './bolt-logger.js';
import { refusalAwareErrorHandler, slowRequestHandler } from './intake/refusal.js';
import { registerBatonCommand } from './commands/baton-command.js';
import { registerAppHome } from './events/app-home.js';
import { registerChannelIdChanged } from './events/channel-id-changed.js';
import { registerChannelJoined } from './events/channel-joined.js';
import { registerOnboardingButtons } from './actions/onboarding-buttons.js';
import { registerOnboardingSubmissions } from './views/onboarding-submissions.js';
import type { SlackDeps } from './slack-deps.js';
import { registerCloseSubmission } from './views/close-submission.js';
import { registerNoteSubmission } from './views/note-submission.js';
import { registerReplySubmission } from './views/reply-submission.js';
import { registerAnswerSubmission } from './views/answer-submission.js';
import { registerShareSubmission } from './views/share-submission.js';

export const SLACK_EVENTS_PATH = '/slack/events';

/** Listener registrations by surface: a new surface is one file and one line here. */
export type Registration = (app: App, deps: SlackDeps) => void;

export const CORE_REGISTRATIONS: Registration[] = [
  registerTalkToHuman,
  registerAnswerFeedback,
  registerChooseReading,
  registerClaimRelease,
  registerOpenCloseModal,
  registerCloseSubmission,
  registerOpenReplyComposer,
  registerReplySubmission,
  registerOpenNoteComposer,
  registerNoteSubmission,
  registerAssign,
  registerReviewDraft,
  registerEditDraft,
  registerDraftSubmission,
  registerCsatRating,
  registerApproveCandidate,
  registerShareCandidate,
  registerShareSubmission,
  registerReviewAnswer,
  registerAnswerSubmission,
  registerBatonCommand,
  registerAppHome,
  registerChannelIdChanged,
  registerChannelJoined,
  registerOnboardingButtons,
  registerOnboardingSubmissions,
];

/** The Bolt app, and in HTTP mode its receiver, whose request listener Baton's one HTTP server routes to. */
export interface BoltApp {
  app: App;
  receiver?: HTTPReceiver;
  /** The receiver in either mode, so the inbox can be put in front of the app (slack/intake). */
  transport: Receiver;
}

/**
 * The Bolt app in Socket Mode when SLACK_APP_TOKEN is set, otherwise HTTP on /slack/events (signature
 * verified by Bolt's HTTPReceiver, served by src/http/http-server.ts rather than a server of its own).
 * The Web API client neither retries nor queues on 429: SlackCaller does both, per method and channel.
 */
export function slackClientOptions(env: Env) {
  return {
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 10_000,
    ...(env.SLACK_API_URL ? { slackApiUrl: env.SLACK_API_URL } : {}),
  };
}

/** Who the bot token belongs to, from the one auth.test at start (startup/slack-reachable.ts). */
export interface BotIdentity {
  botId: string;
  botUserId: string;
}

export function createBoltApp(env: Env, log: PinoLogger, identity: BotIdentity): BoltApp {
  const clientOptions = slackClientOptions(env);
  const logger = boltLogger(log);
  const intakeLog = log.child({ component: 'intake' });
  // Baton checks the token itself at start, before the app exists; Bolt's own eager auth.test would reject
  // unhandled on a wrong token. Given the bot's ids from that check, Bolt never calls auth.test again:
  // without them it would call it on every click and command.
  const common = { token: env.SLACK_BOT_TOKEN, ...identity, logger, clientOptions, tokenVerificationEnabled: false };
  if (!env.SLACK_APP_TOKEN) {
    const receiver = new HTTPReceiver({
      signingSecret: env.SLACK_SIGNING_SECRET ?? '',
      endpoints: SLACK_EVENTS_PATH,
      logger,
      processEventErrorHandler: refusalAwareErrorHandler(intakeLog),
      unhandledRequestHandler: slowRequestHandler(intakeLog),
    });
    return { app: new App({ ...common, receiver }), receiver, transport: receiver };
  }
  // Bolt hands the App's clientOptions to the Socket Mode client too (via installerOptions). With
  // retries: 0 one failed apps.connections.open during a connection refresh rejects unhandled in
  // @slack/socket-mode: no reconnect, and Node exits. Its client keeps its own retry default.
  const socketClientOptions = { timeout: clientOptions.timeout, ...(env.SLACK_API_URL ? { slackApiUrl: env.SLACK_API_URL } : {}) };
  const transport = new SocketModeReceiver({ appToken: env.SLACK_APP_TOKEN, logger, installerOptions: { clientOptions: socketClientOptions } });
  return { app: new App({ ...common, socketMode: true, receiver: transport }), transport };
}

export function registerListeners(app: App, deps: SlackDeps, registrations: Registration[] = CORE_REGISTRATIONS): void {
  for (const register of registrations) register(app, deps);
  app.error(async (err) => {
    deps.log.error({ err }, 'unhandled error in a Slack listener');
  });
}
