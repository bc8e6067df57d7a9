import type { Env } from '../config/env.js';
import { ConfigError } from '../config/load-policy.js';
import { parseChannelName } from '../core/model/conversation-ref.js';
import type { InboxItem } from '../core/ports/inbox.js';
import { cachedCheck, readinessStep } from '../http/health-routes.js';
import type { OpenPlatform, Platform, PlatformContext, SettingsSource } from '../platform/platform.js';
import { policyChannels } from '../platform/policy-channels.js';
import { connectSocketMode, verifySlackAuth } from '../startup/slack-reachable.js';
import { createBoltApp, registerListeners } from './create-slack-app.js';
import { countSlackEvents, serveSlackEvents } from './events-endpoint.js';
import { SlackCaller } from './gateway/slack-caller.js';
import { SlackGateway } from './gateway/slack-gateway.js';
import { SlackLoopGateway } from './gateway/slack-loop-gateway.js';
import { SlackOnboardingGateway } from './gateway/slack-onboarding-gateway.js';
import { timeSlackCalls } from './gateway/timed-web-client.js';
import { InFlight } from './in-flight.js';
import { putInboxFirst } from './intake/inbox-first-receiver.js';
import { slackItemHandler } from './intake/process-slack-item.js';
import type { SlackInboxPayload } from './intake/slack-inbox-item.js';
import { AuthorDirectory } from './normalize/author-directory.js';

export const SLACK = 'slack';

/** A passing Slack auth check is trusted this long, so a probe every few seconds costs Slack little. */
const SLACK_AUTH_TTL_MS = 30_000;
const SLACK_SETTINGS = ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET'] as const;
const HELP = 'README.md, section "Install in Slack"';

/** What Slack needs before Baton can start, named so an admin knows exactly what to set. */
function missingSlackSettings(source: SettingsSource): string[] {
  const missing: string[] = [];
  if (!source.SLACK_BOT_TOKEN) missing.push(`SLACK_BOT_TOKEN (Bot User OAuth Token, xoxb-…; ${HELP})`);
  if (!source.SLACK_APP_TOKEN && !source.SLACK_SIGNING_SECRET) {
    missing.push(`SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode, xapp-…; ${HELP})`);
  }
  return missing;
}

function heldMessage(item: InboxItem) {
  const payload = item.payload as SlackInboxPayload;
  return payload.kind === 'message' ? payload.inbound.message : undefined;
}

/** Slack: Bolt over HTTP (/slack/events) or Socket Mode, Block Kit, the Web API behind per-method limiters. */
export const slackPlatform: Platform<Env> = {
  tag: SLACK,
  wanted: (source, policy) => SLACK_SETTINGS.some((k) => source[k]) || policyChannels(policy).some(({ name }) => parseChannelName(name).platform === SLACK),
  missing: missingSlackSettings,
  settings(env, policy) {
    if (policy.slack.team_ids.length > 0) return env;
    throw new ConfigError([{ file: env.BATON_CONFIG, key: 'slack.team_ids', message: 'at least one Slack team id (T…) is needed with Slack: members of it are staff' }]);
  },
  open: openSlack,
};

async function openSlack(env: Env, ctx: PlatformContext): Promise<OpenPlatform> {
  const { log, metrics, policy } = ctx;
  const { app, receiver, transport } = createBoltApp(env, log, await verifySlackAuth(env, log));
  timeSlackCalls(app.client, metrics);
  const slack = new SlackCaller(app.client, log.child({ component: 'slack-api' }), ctx.limiters);
  const onboarding = new SlackOnboardingGateway(slack);
  const inFlight = new InFlight();
  return {
    gateway: new SlackGateway(slack, log),
    loop: new SlackLoopGateway(slack, log),
    leads: onboarding,
    intros: onboarding,
    ready: cachedCheck(() => readinessStep('auth.test', () => app.client.auth.test()), SLACK_AUTH_TTL_MS),
    serve({ core, server, runner, worker, take }) {
      const deps = { core, slack, directory: new AuthorDirectory(policy, slack, log), log, intake: { take } };
      putInboxFirst(transport, app, worker(), metrics, !receiver, log.child({ component: 'intake' }));
      inFlight.attach(app);
      countSlackEvents(app, metrics, !receiver);
      registerListeners(app, deps);
      if (receiver) serveSlackEvents(server, receiver, metrics);
      return { handle: slackItemHandler({ ...deps, runner, metrics, worker, maxTries: env.BATON_INBOX_MAX_TRIES }), heldMessage };
    },
    connect: receiver ? undefined : () => connectSocketMode(app, env),
    get busy() {
      return inFlight.busy;
    },
    drain: (graceMs) => inFlight.drain(graceMs),
    stopTaking: async () => {
      if (!receiver) await app.stop();
    },
    close: () => slack.stop(),
  };
}
