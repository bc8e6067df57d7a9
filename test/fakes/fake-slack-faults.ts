/**
 * Fault injection for the fake Slack Web API: what a test can ask for, and the exact HTTP reply
 * Slack gives in each case, so the app's real error paths run against the real client.
 */
import { fail, type ApiResult } from './fake-slack-method-kit.js';

/**
 * One injected failure. `{status: 429, retryAfter}` rate-limits (platform-facts §3.2);
 * `{status: 500}` is an HTTP error (`WebAPIHTTPError`); `{error}` is Slack's HTTP 200 `ok:false`;
 * `{disconnect}` drops the socket before or after the method ran ("after" is the lost-response
 * case that makes a retrying client double-post, §7.1).
 */
export type Fault =
  | { status: number; retryAfter?: number; body?: string }
  | { error: string; errors?: string[]; extra?: Record<string, unknown> }
  | { disconnect: 'before' | 'after' };

export type HttpFault = Exclude<Fault, { disconnect: unknown }>;

export interface FaultReply {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** What the call log records as the response. */
  recorded: ApiResult;
}

const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };

/** Per-method queues of faults; each call to the method consumes one. */
export class FaultQueue {
  private readonly queues = new Map<string, Fault[]>();

  push(method: string, fault: Fault, times: number): void {
    const queue = this.queues.get(method) ?? [];
    for (let i = 0; i < times; i += 1) queue.push(fault);
    this.queues.set(method, queue);
  }

  take(method: string): Fault | undefined {
    return this.queues.get(method)?.shift();
  }
}

export function faultReply(fault: HttpFault): FaultReply {
  if ('error' in fault) {
    // Without explicit details, invalid_blocks still carries the §4.4 shape the app logs from.
    const details = fault.errors ?? (fault.error === 'invalid_blocks' ? ['failed to match all allowed schemas [json-pointer:/blocks/0]'] : []);
    const detailFields = details.length ? { errors: details, response_metadata: { messages: details.map((d) => `[ERROR] ${d}`) } } : {};
    const body = fail(fault.error, { ...detailFields, ...fault.extra });
    return { status: 200, headers: JSON_TYPE, body: JSON.stringify(body), recorded: body };
  }
  if (fault.status === 429) {
    const body = fail('ratelimited');
    const retryAfter = fault.retryAfter ?? 1;
    // The call log keeps the Retry-After beside the body, so a test can check it was waited out.
    return { status: 429, headers: { ...JSON_TYPE, 'retry-after': String(retryAfter) }, body: JSON.stringify(body), recorded: { ...body, retry_after: retryAfter } };
  }
  return { status: fault.status, headers: { 'content-type': 'text/plain' }, body: fault.body ?? 'upstream error', recorded: fail(`http_${fault.status}`) };
}
