import { ErrorCode, type WebClient } from '@slack/web-api';
import type { CallOutcome, Metrics } from '../../core/ports/metrics.js';
import { timedCall } from '../../infra/metrics/timed-call.js';

function outcomeOf(err: unknown): CallOutcome {
  const e = err as { code?: string; original?: { name?: string } };
  if (e?.code === ErrorCode.RateLimitedError) return 'rate_limited';
  if (e?.code === ErrorCode.RequestError && e.original?.name === 'TimeoutError') return 'timeout';
  return 'error';
}

/**
 * Times every Web API call of this client (its method shortcuts all go through `apiCall`), so latency and
 * 429s are counted per method whichever part of Baton makes the call, limiters and retries included or not.
 */
export function timeSlackCalls(client: WebClient, metrics: Metrics): void {
  const apiCall = client.apiCall.bind(client);
  client.apiCall = (method, options) => timedCall(metrics, 'slack', method, () => apiCall(method, options), outcomeOf);
}
