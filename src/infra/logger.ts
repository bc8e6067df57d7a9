import { createRequire } from 'node:module';
import pino, { type Logger as PinoLogger } from 'pino';
import { BatonError } from '../core/errors/error-catalogue.js';
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

/** An error of the catalogue says in its log line what it means for the operator (docs/operating.md, "Error codes"). */
function serializeError(err: unknown): unknown {
  const plain = pino.stdSerializers.err(err as Error);
  return err instanceof BatonError ? { ...plain, operator: err.operator } : plain;
}

/** Loaded only for a terminal's readable lines: a deployed Baton logs JSON and never needs it. */
const pretty = () => createRequire(import.meta.url)('pino-pretty') as typeof import('pino-pretty');

export type LogFormat = 'auto' | 'json' | 'pretty';

/** Readable lines for a person at a terminal; JSON, one object a line, for everything else (files, collectors). */
function prettyWanted(format: LogFormat): boolean {
  return format === 'pretty' || (format === 'auto' && process.stdout.isTTY === true);
}

/**
 * The pino root. Without a destination it writes to stdout, pretty-printed in a terminal (in this thread,
 * synchronously, so the last lines before an exit are never lost).
 */
export function createLogger(level: string, destination?: pino.DestinationStream, format: LogFormat = 'auto'): PinoLogger & Logger {
  const options = { level, redact: { paths: REDACT, censor: '[redacted]' }, base: { app: 'baton' }, serializers: { err: serializeError } };
  if (destination || !prettyWanted(format)) return pino(options, destination);
  return pino(options, pretty()({ sync: true, colorize: process.stdout.isTTY === true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,app' }));
}
