import type { App } from '@slack/bolt';
import { webApi } from '@slack/bolt';
import { ErrorCode } from '@slack/web-api';
import type { Logger as PinoLogger } from 'pino';
import { boltLogger } from '../slack/bolt-logger.js';
import { type BotIdentity, slackClientOptions } from '../slack/create-slack-app.js';
import type { Env } from '../config/env.js';
import { shortReason, StartupFailure, withDeadline } from './startup-failure.js';
import { BatonError } from '../core/errors/error-catalogue.js';

const SLACK_DEADLINE_MS = 20_000;
const TOKEN_HELP = "copy it from your Slack app's settings (README.md, section \"Install in Slack\")";

interface WebError {
  code?: string;
  data?: { error?: string };
  /** The network error; with fetch its code sits on `cause`. */
  original?: { code?: string; message?: string; cause?: { code?: string } };
  statusCode?: number;
}

/** One line for a failed Slack call at start, naming the setting behind it. */
function slackProblem(err: unknown, env: Env, token: 'SLACK_BOT_TOKEN' | 'SLACK_APP_TOKEN'): string {
  const e = err as WebError;
  const where = env.SLACK_API_URL ? `SLACK_API_URL=${env.SLACK_API_URL}` : 'https://slack.com/api/';
  if (e.code === ErrorCode.PlatformError) {
    const refused = ['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired', 'not_allowed_token_type'];
    const reason = e.data?.error ?? 'unknown_error';
    return refused.includes(reason) ? `${token}: Slack refused the token (${reason}); ${TOKEN_HELP}` : `${token}: Slack answered ${reason} to the token check`;
  }
  if (e.code === ErrorCode.RequestError) return `Slack is unreachable at ${where} (${e.original?.cause?.code ?? e.original?.code ?? shortReason(e.original)})`;
  if (e.code === ErrorCode.HTTPError) return `Slack at ${where} answered HTTP ${e.statusCode}; try again later`;
  if ((err as { code?: string })?.code === 'TIMEOUT') return `Slack at ${where} did not answer within ${SLACK_DEADLINE_MS / 1000} s`;
  return `${token}: ${shortReason(err)}`;
}

const silence = () => new BatonError('TIMEOUT', 'no answer');

/**
 * auth.test with the bot token: a wrong token or an unreachable Slack stops the start with one clear line.
 * The bot's ids it answers are the only auth.test Bolt needs (create-slack-app.ts).
 */
export async function verifySlackAuth(env: Env, log: PinoLogger): Promise<BotIdentity> {
  // Bolt's own Web API client (the one its App uses), logging through Baton's logger as the App's does.
  const client = new webApi.WebClient(env.SLACK_BOT_TOKEN, { ...slackClientOptions(env), logger: boltLogger(log) });
  let answer: webApi.AuthTestResponse;
  try {
    answer = await withDeadline(client.auth.test(), SLACK_DEADLINE_MS, silence);
  } catch (err) {
    throw new StartupFailure(slackProblem(err, env, 'SLACK_BOT_TOKEN'));
  }
  if (!answer.bot_id || !answer.user_id) throw new StartupFailure('SLACK_BOT_TOKEN: not a bot token (auth.test names no bot); use the Bot User OAuth Token, xoxb-…');
  return { botId: answer.bot_id, botUserId: answer.user_id };
}

/** Socket Mode: opens the WebSocket with the app-level token, with the same clear failure. */
export async function connectSocketMode(app: App, env: Env): Promise<void> {
  try {
    await withDeadline(app.start(), SLACK_DEADLINE_MS, silence);
  } catch (err) {
    throw new StartupFailure(slackProblem(err, env, 'SLACK_APP_TOKEN'));
  }
}
