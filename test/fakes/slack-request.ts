/**
 * Delivers Slack-shaped requests to a Bolt HTTP app the way Slack does: signed (§1.6), with the
 * content types Bolt's receiver expects (JSON for events, `application/x-www-form-urlencoded` for
 * interactivity and commands), retry headers on redelivery (§1.2), and deliberately broken
 * variants (unsigned, stale, wrong secret) for negative tests.
 *
 * The builders live in slack-event-payloads.ts / slack-interaction-payloads.ts and are re-exported
 * here so a test needs one import.
 */
import type { EventCallback } from './slack-event-payloads.js';
import { signSlackRequest } from './slack-signature.js';

export * from './slack-event-payloads.js';
export * from './slack-interaction-payloads.js';
export { signSlackRequest } from './slack-signature.js';

export interface BoltTarget {
  /** Full URL of the Bolt endpoint, e.g. `http://127.0.0.1:PORT/slack/events`. */
  url: string;
  signingSecret: string;
}

/**
 * `valid`: correctly signed now. `unsigned`: no signature headers. `stale`: correctly signed but
 * 301 s old (Bolt rejects > 300 s). `wrong-secret`: fresh, signed with another secret.
 */
export type Signing = 'valid' | 'unsigned' | 'stale' | 'wrong-secret';

export type RetryReason = 'http_timeout' | 'too_many_redirects' | 'connection_failed' | 'ssl_error' | 'http_error' | 'unknown_error';

export interface DeliveryOptions {
  signing?: Signing;
  /** Marks a redelivery: `x-slack-retry-num` 1..3 and `x-slack-retry-reason`. */
  retry?: { num: 1 | 2 | 3; reason: RetryReason };
  /** Clock for the timestamp header, in ms (defaults to Date.now). */
  now?: () => number;
}

export interface Delivery {
  status: number;
  body: string;
  headers: Headers;
}

const STALE_BY_SEC = 301;

/** Posts an exact raw body with Slack's headers; the other helpers go through here. */
export async function sendRaw(target: BoltTarget, rawBody: string, contentType: string, o: DeliveryOptions = {}): Promise<Delivery> {
  const signing = o.signing ?? 'valid';
  const nowSec = Math.floor((o.now ?? Date.now)() / 1000);
  const headers: Record<string, string> = { 'content-type': contentType, 'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)' };
  if (signing !== 'unsigned') {
    const ts = signing === 'stale' ? nowSec - STALE_BY_SEC : nowSec;
    const secret = signing === 'wrong-secret' ? `${target.signingSecret}-not` : target.signingSecret;
    Object.assign(headers, signSlackRequest(rawBody, secret, ts));
  }
  if (o.retry !== undefined) {
    headers['x-slack-retry-num'] = String(o.retry.num);
    headers['x-slack-retry-reason'] = o.retry.reason;
  }
  const res = await fetch(target.url, { method: 'POST', headers, body: rawBody });
  return { status: res.status, body: await res.text(), headers: res.headers };
}

/** Events API delivery. Send the same envelope again with `retry` to model Slack's redelivery. */
export function sendEvent(target: BoltTarget, envelope: EventCallback, o: DeliveryOptions = {}): Promise<Delivery> {
  return sendRaw(target, JSON.stringify(envelope), 'application/json', o);
}

/** block_actions / view_submission: form-encoded with the JSON in a single `payload` field. */
export function sendInteraction(target: BoltTarget, payload: Record<string, unknown>, o: DeliveryOptions = {}): Promise<Delivery> {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return sendRaw(target, body, 'application/x-www-form-urlencoded', o);
}

/** Slash command: plain form fields. */
export function sendSlashCommand(target: BoltTarget, fields: Record<string, string>, o: DeliveryOptions = {}): Promise<Delivery> {
  return sendRaw(target, new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', o);
}
