import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { RequestGuard } from '../http/http-server.js';

/** The header the page sends its token in; a custom header also means no other site can send it without asking first. */
export const TOKEN_HEADER = 'x-baton-page-token';

/**
 * What every response carries: the page loads only its own scripts and styles (no inline script or style
 * attribute runs), may not be framed, and its files are never sniffed as another type.
 */
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
} as const;

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];
const WILDCARDS = ['0.0.0.0', '::', ''];
const SAFE_METHODS = new Set(['GET', 'HEAD']);

export interface GuardOptions {
  /** BATON_PLAYGROUND_HOST: the address the server is bound to. */
  boundHost: string;
  /** The port bound (known once listening). */
  port: () => number;
  /** The per-process token the page is served with. */
  token: string;
  /** The local addresses BATON_PLAYGROUND_HOST names (undefined: every interface). */
  addresses: ReadonlySet<string> | undefined;
}

export function newPageToken(): string {
  return randomBytes(24).toString('base64url');
}

const bare = (hostname: string) => hostname.replace(/^\[|\]$/g, '');

/**
 * The addresses BATON_PLAYGROUND_HOST stands for: none to check when it is every interface. Beside Slack
 * or Teams the server listens on every interface, so the playground answers only requests that
 * arrived on these, as if it listened there alone.
 */
export async function playgroundAddresses(host: string): Promise<ReadonlySet<string> | undefined> {
  if (WILDCARDS.includes(host)) return undefined;
  const bareHost = bare(host);
  const found = isIP(bareHost) !== 0 ? [bareHost] : (await lookup(bareHost, { all: true })).map((a) => a.address);
  return new Set(found.map(unmapped));
}

/** An IPv4 address as a dual-stack socket reports it (`::ffff:127.0.0.1`), as itself. */
const unmapped = (address: string) => address.replace(/^::ffff:(?=\d+\.)/i, '');

/**
 * A Host the playground answers to: a loopback name, the bound host, or (bound to every interface) any
 * IP address. DNS rebinding needs a name the attacker controls, so a name is accepted only when it is
 * one of these; the port must be the bound one.
 */
function servesHost(host: string | undefined, opts: GuardOptions): boolean {
  if (!host) return false;
  let url: URL;
  try {
    url = new URL(`http://${host}`);
  } catch {
    return false;
  }
  if ((url.port || '80') !== String(opts.port()) || url.pathname !== '/' || url.username || url.password) return false;
  const bound = opts.boundHost.toLowerCase();
  if (WILDCARDS.includes(bound) && isIP(bare(url.hostname)) !== 0) return true;
  return LOOPBACK_NAMES.includes(url.hostname) || bare(url.hostname) === bare(bound);
}

/** Why a state-changing request is refused, or undefined when it comes from the playground's own page. */
function refusal(req: IncomingMessage, opts: GuardOptions): { status: number; error: string } | undefined {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') return { status: 415, error: 'The playground takes JSON only (content-type: application/json).' };
  const own = `http://${req.headers.host}`;
  const origin = req.headers.origin;
  let sameOrigin = false;
  try {
    sameOrigin = origin !== undefined && new URL(origin).origin === new URL(own).origin;
  } catch {
    sameOrigin = false;
  }
  if (!sameOrigin) return { status: 403, error: 'Only the playground\u2019s own page may change it (the Origin header is missing or another site\u2019s).' };
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return { status: 403, error: `Only the playground\u2019s own page may change it (Sec-Fetch-Site: ${site}).` };
  if (req.headers[TOKEN_HEADER] !== opts.token) return { status: 403, error: 'The page\u2019s token is missing or out of date: reload the page.' };
  return undefined;
}

function refuse(res: ServerResponse, status: number, error: string): false {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify({ error }));
  return false;
}

/**
 * The playground has no sign-in, so only its own page, at its own address, may drive it: every request
 * to its routes must arrive on BATON_PLAYGROUND_HOST (elsewhere it is not there: 404) and name a Host it serves (no DNS rebinding, the event stream included), and every request
 * that changes something must be JSON from the page's own origin carrying the page's token (no other
 * website can post a form or `text/plain` to it). Every response carries the security headers.
 */
export function playgroundGuard(opts: GuardOptions): RequestGuard {
  return (req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    const local = unmapped(req.socket.localAddress ?? '');
    if (opts.addresses && !opts.addresses.has(local)) return refuse(res, 404, 'not found');
    if (!servesHost(req.headers.host, opts)) return refuse(res, 403, `This playground answers only at its own address, not at "${req.headers.host ?? ''}".`);
    if (SAFE_METHODS.has(req.method ?? 'GET')) return true;
    const refused = refusal(req, opts);
    return refused ? refuse(res, refused.status, refused.error) : true;
  };
}
