import type { IncomingMessage, ServerResponse } from 'node:http';
import { BatonError } from '../../core/errors/error-catalogue.js';
import type { Logger } from '../../core/ports/logger.js';

/**
 * Codes of the errors the inbox gate throws on purpose, to answer Slack non-200 so it delivers the event
 * again. The gate has logged the one line that says why; nothing else about them is worth a line.
 */
export const REFUSAL_CODES = new Set(['BATON_BACKLOG_FULL', 'BATON_NOT_RECORDED']);

export function refusal(code: 'BATON_BACKLOG_FULL' | 'BATON_NOT_RECORDED', message: string, cause?: unknown): Error {
  return new BatonError(code, message, cause === undefined ? {} : { cause });
}

function isRefusal(err: unknown): boolean {
  return REFUSAL_CODES.has((err as { code?: string } | undefined)?.code ?? '');
}

interface ErrorArgs {
  error: Error;
  response: ServerResponse;
}

/**
 * Bolt's HTTP receiver answers a failed event with 500 and logs "unhandled error", and its no-ack timer
 * later logs "not acknowledged within 3 seconds" for the same request. For the gate's refusals the 500 is
 * the answer and its own warning the only line; anything else is still a surprise, logged as an error.
 * Returning true tells Bolt the request is answered, which stops its no-ack timer.
 */
export function refusalAwareErrorHandler(log: Logger) {
  return async ({ error, response }: ErrorArgs): Promise<boolean> => {
    const deliberate = isRefusal(error);
    if (!deliberate) log.error({ err: error }, response.headersSent ? 'a Slack listener failed after its request was answered' : 'a Slack request failed; answering 500');
    if (!response.headersSent) response.writeHead(500).end();
    return true;
  };
}

/**
 * A request nothing answered within Slack's 3 seconds (the store locked past its busy timeout, say) gets
 * 500, so Slack delivers it again (the inbox takes an event once however often it comes), instead of
 * Bolt's 404, which reads as "no such endpoint". One warning says so.
 */
export function slowRequestHandler(log: Logger) {
  return ({ request, response }: { request: IncomingMessage; response: ServerResponse }): void => {
    log.warn({ path: request.url }, 'Slack request not answered within 3 s (the store is slow or locked); answering 500 so Slack delivers it again');
    if (!response.headersSent) response.writeHead(500).end();
  };
}
