import pino, { type Logger as PinoLogger } from 'pino';
import type { Logger } from '../core/ports/logger.js';

/** Secrets never reach a log line, wherever they hide in the object logged. */
const REDACT = [
  'token',
  '*.token',
  'botToken',
  'appToken',
  'signingSecret',
  '*.signingSecret',
  'apiKey',
  '*.apiKey',
  'headers.authorization',
  '*.headers.authorization',
  'headers["x-slack-signature"]',
  'env.SLACK_BOT_TOKEN',
  'env.SLACK_SIGNING_SECRET',
  'env.SLACK_APP_TOKEN',
  'env.OPENAI_API_KEY',
];

export function createLogger(level: string, destination?: pino.DestinationStream): PinoLogger & Logger {
  return pino({ level, redact: { paths: REDACT, censor: '[redacted]' }, base: { app: 'baton' } }, destination);
}
