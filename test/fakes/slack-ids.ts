/**
 * Identifiers shaped like Slack's, unique within a test run, for payload builders: event ids,
 * trigger ids in the `digits.digits.hex` form views.open checks (§3.4), action timestamps.
 */
import { randomBytes, randomUUID } from 'node:crypto';

let counter = 0;
const next = (): number => {
  counter += 1;
  return counter;
};

export const eventId = (): string => `Ev${String(next()).padStart(9, '0')}${randomBytes(1).toString('hex').toUpperCase()}`;

export const triggerId = (): string => `${Date.now()}.${1_000_000_000 + next()}.${randomBytes(12).toString('hex')}`;

/** `1700000000.123456`-style timestamp from the wall clock, unique per call. */
export const slackTs = (): string => {
  const micros = BigInt(Date.now()) * 1000n + BigInt(next() % 1000);
  return `${micros / 1_000_000n}.${(micros % 1_000_000n).toString().padStart(6, '0')}`;
};

export const clientMsgId = (): string => randomUUID();

/** A hooks.slack.com-shaped response_url, for tests that never follow it. */
export const hooksResponseUrl = (kind: 'actions' | 'commands', teamId: string): string =>
  `https://hooks.slack.com/${kind}/${teamId}/${1_000_000_000 + next()}/${randomBytes(12).toString('hex')}`;
