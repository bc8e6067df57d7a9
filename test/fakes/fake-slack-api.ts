/**
 * A fake Slack Web API on loopback for end-to-end tests: point Bolt's
 * `clientOptions.slackApiUrl` at `fake.url`, and the real `@slack/web-api` client talks to it over
 * HTTP exactly as it would to slack.com. It answers like Slack (HTTP 200 with `ok:true|false`,
 * 429 + Retry-After), records every call, checks Block Kit limits on every blocks/view argument,
 * serves response_url and file-upload targets, and injects faults on demand. With a FakeSocketMode
 * attached it also answers `apps.connections.open` (app-level token only) for Socket Mode.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { APP_LEVEL_METHODS, appMethods, type SocketModeLink } from './fake-slack-app-methods.js';
import type { BlockKitIssue } from './block-kit-limits.js';
import { WaitableLog } from './fake-slack-call-log.js';
import { chatMethods } from './fake-slack-chat-methods.js';
import { FaultQueue, faultReply, type Fault } from './fake-slack-faults.js';
import { fileMethods } from './fake-slack-file-methods.js';
import { infoMethods } from './fake-slack-info-methods.js';
import { fail, type ApiResult, type MethodHandler } from './fake-slack-method-kit.js';
import { PostRateLimiter, type PostLimits } from './fake-slack-rate-limits.js';
import { FakeSlackState, type FakeBot, type FakeChannel, type FakeTeam, type FakeUser, type StoredMessage } from './fake-slack-state.js';
import { viewMethods } from './fake-slack-view-methods.js';
import { decodeApiRequest, type ApiArgs } from './slack-api-body.js';

export type { Fault } from './fake-slack-faults.js';
export type { FakeChannel, FakeUser, StoredMessage } from './fake-slack-state.js';

export interface FakeSlackApiOptions {
  team?: Partial<FakeTeam>;
  bot?: Partial<FakeBot>;
  /** Tokens accepted; by default any `xoxb-`/`xoxp-` token (an `xapp-` one gets `not_allowed_token_type`, anything else `invalid_auth`). */
  tokens?: string[];
  /** App-level tokens accepted by apps.connections.open; by default any `xapp-` token. */
  appTokens?: string[];
  /** Makes message ts deterministic: the first one written, later ones 100 µs apart. Default: wall clock. */
  firstTs?: string;
  /** Slack's posting limits, enforced on chat.postMessage with 429 + Retry-After. Default: none. */
  postLimits?: PostLimits;
}

/** Random failures as Slack has them in an incident: a share of calls answered 5xx or 429, or cut off after running. */
export interface FlakyOptions {
  rate: number;
  /** Methods spared (e.g. auth.test at start). */
  except?: string[];
  /** Deterministic draws. */
  seed?: number;
}

export interface RecordedCall {
  method: string;
  args: ApiArgs;
  token: string | undefined;
  /** Epoch ms when the call arrived. */
  at: number;
  status: number;
  response: ApiResult;
}

export interface BlockKitViolation extends BlockKitIssue {
  method: string;
}

export interface ResponseUrlPost {
  id: string;
  body: unknown;
  at: number;
  status: number;
}

const METHODS: Record<string, MethodHandler> = { ...infoMethods, ...chatMethods, ...viewMethods, ...fileMethods, ...appMethods };
const DEFAULT_SCOPES =
  'app_mentions:read,channels:history,groups:history,channels:read,groups:read,chat:write,commands,users:read,files:write,im:write';
/** response_url: "up to 5 times within 30 minutes" (§3.4). */
const RESPONSE_URL_USES = 5;
/** How long a wait for a call lasts unless told otherwise. */
const WAIT_MS = 15_000;

export class FakeSlackApi {
  readonly state: FakeSlackState;
  private readonly callLog = new WaitableLog<RecordedCall>((c) => `${c.method} ${JSON.stringify(c.args)} -> ${JSON.stringify(c.response)}`);
  private readonly responseLog = new WaitableLog<ResponseUrlPost>((r) => `${r.id} ${JSON.stringify(r.body)}`);
  private readonly faults = new FaultQueue();
  private readonly rules: { method: string; matches: (args: ApiArgs) => boolean; fault: Fault }[] = [];
  private readonly postLimiter: PostRateLimiter;
  private flaky: (FlakyOptions & { next: () => number }) | undefined;
  private readonly expiredResponseUrls = new Set<string>();
  private readonly issues: BlockKitViolation[] = [];
  private port = 0;

  private constructor(
    private readonly server: Server,
    private readonly options: FakeSlackApiOptions,
  ) {
    const team: FakeTeam = { id: 'T0BATON001', name: 'Baton Support', domain: 'baton-support', ...options.team };
    const bot: FakeBot = { userId: 'U0BATONBOT', botId: 'B0BATONBOT', appId: 'A0BATONAPP', name: 'baton', ...options.bot };
    this.state = new FakeSlackState(team, bot, options.firstTs);
    this.postLimiter = new PostRateLimiter(options.postLimits);
  }

  /** Starts on an ephemeral loopback port. */
  static async start(options: FakeSlackApiOptions = {}): Promise<FakeSlackApi> {
    const server = createServer();
    const fake = new FakeSlackApi(server, options);
    server.on('request', (req, res) => void fake.route(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake.port = (server.address() as AddressInfo).port;
    return fake;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((err) => (err ? reject(err) : resolve())));
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Web API base URL for `clientOptions.slackApiUrl`. */
  get url(): string {
    return `${this.origin}/api/`;
  }

  /** A response_url served by this fake; POSTs to it are recorded under `id`. */
  responseUrl(id: string): string {
    return `${this.origin}/response/${encodeURIComponent(id)}`;
  }

  /** Turns Socket Mode on: apps.connections.open now hands out this link's WebSocket URLs. */
  attachSocketMode(link: SocketModeLink | undefined): void {
    this.state.socketMode = link;
  }

  addUser(user: FakeUser): void {
    this.state.users.set(user.id, user);
  }

  addChannel(channel: FakeChannel): void {
    this.state.channels.set(channel.id, channel);
  }

  /** Seeds history (e.g. the customer's thread, for conversations.replies). */
  addMessage(channel: string, message: Partial<StoredMessage> & { text: string }): StoredMessage {
    return this.state.addMessage(channel, message);
  }

  calls(method?: string): RecordedCall[] {
    return this.callLog.list((c) => method === undefined || c.method === method);
  }

  /**
   * Resolves with the first call to `method` matching `predicate`, whether already made or still to come.
   * The default wait is long enough for a CI machine under load (a full run timed out at 5 s); it costs
   * nothing when the call comes.
   */
  waitFor(method: string, predicate: (call: RecordedCall) => boolean = () => true, timeoutMs = WAIT_MS): Promise<RecordedCall> {
    return this.callLog.waitFor((c) => c.method === method && predicate(c), timeoutMs, method, (c) => c.method === method);
  }

  waitForCount(method: string, count: number, timeoutMs = WAIT_MS): Promise<RecordedCall[]> {
    return this.callLog.waitForCount((c) => c.method === method, count, timeoutMs, method);
  }

  /** The next `times` calls to `method` fail with `fault` instead of running. */
  failNext(method: string, fault: Fault, times = 1): void {
    this.faults.push(method, fault, times);
  }

  /** Changes the posting limits from now on (per-channel and workspace buckets start full). */
  setPostLimits(limits: PostLimits): void {
    this.postLimiter.set(limits);
  }

  /** From now on a share of calls fail as Slack's do in an incident; `undefined` stops it. */
  setFlaky(options: FlakyOptions | undefined): void {
    this.flaky = options && { ...options, next: seededRandom(options.seed ?? 1) };
  }

  /** Every call to `method` whose arguments match fails with `fault`, until the returned function is called. */
  failWhile(method: string, matches: (args: ApiArgs) => boolean, fault: Fault): () => void {
    const rule = { method, matches, fault };
    this.rules.push(rule);
    return () => void this.rules.splice(this.rules.indexOf(rule), 1);
  }

  /** Block Kit limit errors seen so far; a test asserts this is empty. */
  violations(): BlockKitViolation[] {
    return this.issues.filter((i) => i.severity === 'error');
  }

  /** Advisory problems (text over 4,000 characters) that Slack answers with `[WARN]`. */
  warnings(): BlockKitViolation[] {
    return this.issues.filter((i) => i.severity === 'warning');
  }

  responses(id?: string): ResponseUrlPost[] {
    return this.responseLog.list((r) => id === undefined || r.id === id);
  }

  waitForResponse(id: string, timeoutMs = WAIT_MS): Promise<ResponseUrlPost> {
    return this.responseLog.waitFor((r) => r.id === id, timeoutMs, `response_url ${id}`, (r) => r.id === id);
  }

  /** Makes the response_url answer 404 `expired_url`, as after its 30 minutes. */
  expireResponseUrl(id: string): void {
    this.expiredResponseUrls.add(id);
  }

  /** Forgets calls, responses and issues (state such as users and messages is kept). */
  clearLog(): void {
    this.callLog.clear();
    this.responseLog.clear();
    this.issues.length = 0;
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const raw = await readBody(req);
      const path = new URL(req.url ?? '/', this.origin).pathname;
      const [, kind = '', rest = ''] = path.match(/^\/(api|response|upload)\/(.+)$/) ?? [];
      if (kind === 'api') return await this.handleApi(decodeURIComponent(rest), req, raw, res);
      if (kind === 'response') return this.handleResponseUrl(decodeURIComponent(rest), raw, res);
      if (kind === 'upload') return await this.handleUpload(decodeURIComponent(rest), req, raw, res);
      res.writeHead(404).end();
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    }
  }

  private async handleApi(method: string, req: IncomingMessage, raw: Buffer, res: ServerResponse): Promise<void> {
    const { args, token } = await decodeApiRequest(req.headers, req.method === 'GET' ? queryAsForm(req) : raw);
    const record = (status: number, response: ApiResult): void =>
      this.callLog.push({ method, args, token, at: Date.now(), status, response });
    const fault = this.faults.take(method) ?? this.rules.find((r) => r.method === method && r.matches(args))?.fault ?? this.randomFault(method) ?? this.rateLimit(method, args);
    if (fault !== undefined && 'disconnect' in fault && fault.disconnect === 'before') {
      record(0, fail('disconnected'));
      return void req.socket.destroy();
    }
    if (fault !== undefined && !('disconnect' in fault)) {
      const reply = faultReply(fault);
      record(reply.status, reply.recorded);
      return void res.writeHead(reply.status, reply.headers).end(reply.body);
    }
    const handler = METHODS[method];
    const result = handler === undefined ? fail('unknown_method') : this.authorize(method, token) ?? this.run(method, handler, args);
    if (fault !== undefined) {
      record(0, result);
      return void req.socket.destroy();
    }
    record(200, result);
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'x-oauth-scopes': DEFAULT_SCOPES });
    res.end(JSON.stringify(result));
  }

  private randomFault(method: string): Fault | undefined {
    const f = this.flaky;
    if (!f || f.except?.includes(method) || f.next() >= f.rate) return undefined;
    const pick = f.next();
    // Half rate limits, the rest server errors; a third of those after the method ran (the reply is lost).
    if (pick < 0.5) return { status: 429, retryAfter: 1 };
    return pick < 0.83 ? { status: 503 } : { disconnect: 'after' };
  }

  private rateLimit(method: string, args: ApiArgs): Fault | undefined {
    if (method !== 'chat.postMessage' || typeof args.channel !== 'string') return undefined;
    const retryAfter = this.postLimiter.admit(args.channel);
    return retryAfter === undefined ? undefined : { status: 429, retryAfter };
  }

  /**
   * App-level methods take only an `xapp-` token and the rest refuse one: Slack answers a token of
   * the wrong kind with `not_allowed_token_type`, an unknown token with `invalid_auth`.
   */
  private authorize(method: string, token: string | undefined): ApiResult | undefined {
    if (token === undefined) return fail('not_authed');
    const isAppToken = token.startsWith('xapp-');
    if (APP_LEVEL_METHODS.has(method)) {
      if (!isAppToken) return /^xox[bp]-/.test(token) ? fail('not_allowed_token_type') : fail('invalid_auth');
      return (this.options.appTokens?.includes(token) ?? true) ? undefined : fail('invalid_auth');
    }
    if (isAppToken) return fail('not_allowed_token_type');
    const accepted = this.options.tokens?.includes(token) ?? /^xox[bp]-/.test(token);
    return accepted ? undefined : fail('invalid_auth');
  }

  private run(method: string, handler: MethodHandler, args: ApiArgs): ApiResult {
    const report = (found: BlockKitIssue[]): void => {
      for (const issue of found) this.issues.push({ ...issue, method });
    };
    return handler({ state: this.state, args, origin: this.origin, report });
  }

  private handleResponseUrl(id: string, raw: Buffer, res: ServerResponse): void {
    const body: unknown = raw.length ? safeJson(raw.toString('utf8')) : undefined;
    const used = this.responses(id).filter((r) => r.status === 200).length;
    // Slack's wording for a spent or expired response_url is not documented; these are what we assume.
    const error = this.expiredResponseUrls.has(id) ? 'expired_url' : used >= RESPONSE_URL_USES ? 'used_url' : undefined;
    const status = error === undefined ? 200 : 404;
    this.responseLog.push({ id, body, at: Date.now(), status });
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(error === undefined ? { ok: true } : { ok: false, error }));
  }

  private async handleUpload(fileId: string, req: IncomingMessage, raw: Buffer, res: ServerResponse): Promise<void> {
    const file = this.state.files.get(fileId);
    if (file === undefined) return void res.writeHead(404).end();
    // @slack/web-api sends the bytes as a multipart part named `body`; any other body is the bytes.
    const isForm = /^multipart\/form-data|^application\/x-www-form-urlencoded/i.test(req.headers['content-type'] ?? '');
    const part = isForm ? (await decodeApiRequest(req.headers, raw)).args.body : undefined;
    file.bytes = Buffer.isBuffer(part) ? part : typeof part === 'string' ? Buffer.from(part) : raw;
    res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${file.bytes.length}`);
  }
}

/** mulberry32: small, fast and the same draws for the same seed. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function queryAsForm(req: IncomingMessage): Buffer {
  return Buffer.from(new URL(req.url ?? '/', 'http://x').search.slice(1));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
