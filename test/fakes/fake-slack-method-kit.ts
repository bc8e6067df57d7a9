/**
 * What every fake Web API method shares: its signature, argument readers, and the two ways Slack
 * answers a bad call (a bare `{ok:false,error}` and the Block Kit error with json-pointer details
 * of platform-facts §4.4).
 */
import type { BlockKitIssue } from './block-kit-limits.js';
import type { ApiArgs } from './slack-api-body.js';
import type { FakeSlackState } from './fake-slack-state.js';

export type ApiResult = { ok: boolean } & Record<string, unknown>;

export interface MethodContext {
  state: FakeSlackState;
  args: ApiArgs;
  /** `http://127.0.0.1:PORT`, for URLs the fake hands out (upload targets). */
  origin: string;
  /** Records Block Kit issues so the test can read them from `violations()` / `warnings()`. */
  report(issues: BlockKitIssue[]): void;
}

export type MethodHandler = (ctx: MethodContext) => ApiResult;

export const fail = (error: string, extra: Record<string, unknown> = {}): ApiResult => ({ ok: false, error, ...extra });

/** A string argument; form encoding makes every scalar a string, JSON bodies may not. */
export function argString(args: ApiArgs, name: string): string | undefined {
  const v = args[name];
  if (typeof v === 'string') return v.length > 0 ? v : undefined;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** `errors` and `response_metadata.messages` exactly as Slack words them (§4.4). */
export function issueDetails(issues: BlockKitIssue[]): { errors: string[]; response_metadata: { messages: string[] } } {
  const errors = issues.filter((i) => i.severity === 'error').map((i) => `${i.message} [json-pointer:${i.pointer}]`);
  return { errors, response_metadata: { messages: errors.map((e) => `[ERROR] ${e}`) } };
}

/**
 * Reports the issues and, when any is an error, returns the ok:false body Slack would send.
 * On success with warnings the caller attaches `warningMetadata` so the client logs `[WARN]`.
 */
export function rejectIssues(ctx: MethodContext, issues: BlockKitIssue[], error: string): ApiResult | undefined {
  ctx.report(issues);
  if (!issues.some((i) => i.severity === 'error')) return undefined;
  return fail(error, issueDetails(issues));
}

export function withWarnings(result: ApiResult, issues: BlockKitIssue[]): ApiResult {
  const warnings = issues.filter((i) => i.severity === 'warning');
  if (warnings.length === 0) return result;
  const messages = warnings.map((w) => `[WARN] ${w.message} [json-pointer:${w.pointer}]`);
  return { ...result, response_metadata: { messages } };
}
