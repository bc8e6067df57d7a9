import type { ServerResponse } from 'node:http';
import type { HttpServer } from './http-server.js';

/** One thing Baton needs to serve customers; `check` throws (with a short reason) when it is not there. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

const CHECK_TIMEOUT_MS = 3_000;

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(`${JSON.stringify(body)}\n`);
}

/** Why a call failed, in the caller's own short words: Slack's `error`, MSAL's `errorCode`, a Node code, else the message. */
function reason(err: unknown): string {
  const e = err as { code?: unknown; errorCode?: unknown; message?: unknown; data?: { error?: unknown } };
  return String(e.data?.error ?? e.errorCode ?? e.code ?? e.message ?? 'failed');
}

/** Runs one step of a platform's readiness; a failure names the step before the reason (`auth.test: token_revoked`). */
export async function readinessStep(step: string, run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (err) {
    throw new Error(`${step}: ${reason(err)}`);
  }
}

/** A check's outcome in words safe to show anyone who can reach the port: the error's code or message, no stack. */
async function outcome(c: ReadinessCheck): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([c.check(), timeout]);
    return 'ok';
  } catch (err) {
    return reason(err);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `/healthz`: the process is up and serving. `/readyz`: every check passes (200) or not (503), each named,
 * with `detail` added: states worth seeing that do not make Baton unready.
 */
export function addHealthRoutes(server: HttpServer, checks: ReadinessCheck[], detail: () => Promise<Record<string, unknown>> = async () => ({})): void {
  server.route('GET', '/healthz', (_req, res) => json(res, 200, { status: 'ok' }));
  server.route('GET', '/readyz', async (_req, res) => {
    const results = await Promise.all(checks.map(async (c) => [c.name, await outcome(c)] as const));
    const ready = results.every(([, r]) => r === 'ok');
    const more = await detail().catch(() => ({}));
    json(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', checks: Object.fromEntries(results), ...more });
  });
}

/** Reuses a passing check's result for `ttlMs`, so frequent probes do not hammer Slack; failures are retried at once. */
export function cachedCheck(check: () => Promise<void>, ttlMs: number, now: () => number = Date.now): () => Promise<void> {
  let passedAt: number | undefined;
  return async () => {
    if (passedAt !== undefined && now() - passedAt < ttlMs) return;
    passedAt = undefined;
    await check();
    passedAt = now();
  };
}
