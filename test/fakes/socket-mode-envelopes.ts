/**
 * Socket Mode envelopes as Slack sends them over the WebSocket (platform-facts §1.9): the same
 * payloads the HTTP tests post (built in slack-event-payloads.ts / slack-interaction-payloads.ts),
 * wrapped as `{payload, envelope_id, type, accepts_response_payload}`. Events API envelopes also
 * carry `retry_attempt` / `retry_reason`, which @slack/socket-mode surfaces to Bolt as
 * `context.retryNum` / `retryReason`.
 */
import { randomUUID } from 'node:crypto';
import type { EventCallback } from './slack-event-payloads.js';

export type EnvelopeType = 'events_api' | 'interactive' | 'slash_commands';

export interface SocketModeEnvelope {
  envelope_id: string;
  type: EnvelopeType;
  payload: unknown;
  accepts_response_payload: boolean;
  retry_attempt?: number;
  retry_reason?: string;
}

/** Slack's envelope ids are UUIDs. */
export const envelopeId = (): string => randomUUID();

export interface RetryOptions {
  attempt: number;
  /** Slack's wording for a Socket Mode retry reason is not documented; `timeout` is our assumption. */
  reason?: string;
}

/** An `event_callback` delivery; the first delivery says `retry_attempt: 0, retry_reason: ''`. */
export function eventsApiEnvelope(callback: EventCallback, retry?: RetryOptions): SocketModeEnvelope {
  return {
    envelope_id: envelopeId(),
    type: 'events_api',
    payload: callback,
    accepts_response_payload: false,
    retry_attempt: retry?.attempt ?? 0,
    retry_reason: retry === undefined ? '' : (retry.reason ?? 'timeout'),
  };
}

/**
 * A redelivery of the same event: same payload (so the same `event_id`), a new envelope, and the
 * retry fields set. We assume each delivery gets its own `envelope_id`, since each needs its own ack.
 */
export function redeliveryOf(envelope: SocketModeEnvelope, retry: RetryOptions): SocketModeEnvelope {
  if (envelope.type !== 'events_api') throw new Error(`only events_api envelopes are retried, not ${envelope.type}`);
  return eventsApiEnvelope(envelope.payload as EventCallback, retry);
}

/** Only payloads whose ack body Slack reads (modal submissions, options loads) accept a response payload. */
const RESPONDING_INTERACTIONS = new Set(['view_submission', 'block_suggestion']);

/** `block_actions`, `view_submission`, ...: the JSON that HTTP delivers form-encoded, here as an object. */
export function interactiveEnvelope(payload: Record<string, unknown>): SocketModeEnvelope {
  return {
    envelope_id: envelopeId(),
    type: 'interactive',
    payload,
    accepts_response_payload: RESPONDING_INTERACTIONS.has(String(payload.type)),
  };
}
