/**
 * Slack's request signing (platform-facts §1.6): `v0=` + hex HMAC-SHA256 of `v0:{ts}:{raw body}`
 * with the app's signing secret, sent as X-Slack-Signature beside X-Slack-Request-Timestamp.
 * The signature covers the raw bytes, so callers must send exactly the string they signed.
 */
import { createHmac } from 'node:crypto';

export interface SlackSignatureHeaders {
  'x-slack-signature': string;
  'x-slack-request-timestamp': string;
}

export function signSlackRequest(rawBody: string, signingSecret: string, timestampSec: number): SlackSignatureHeaders {
  const hex = createHmac('sha256', signingSecret).update(`v0:${timestampSec}:${rawBody}`).digest('hex');
  return { 'x-slack-signature': `v0=${hex}`, 'x-slack-request-timestamp': String(timestampSec) };
}
