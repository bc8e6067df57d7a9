import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the bot made to the Bot Connector, as it arrived. */
export interface ConnectorCall {
  method: string;
  path: string;
  conversationId: string;
  /** The activity replied to (POST …/activities/{id}) or replaced (PUT …/activities/{id}). */
  activityId?: string;
  kind: 'reply' | 'send' | 'update' | 'member' | 'members' | 'create' | 'upload';
  /** An upload's bytes as text (a file Baton put at an upload URL under `/upload/`). */
  uploaded?: string;
  body: Record<string, unknown>;
  authorization?: string;
  /** What the fake answered. */
  status: number;
  /** Epoch ms the request arrived. */
  at?: number;
  /** The id the fake gave a new message (for a new thread, its root post). */
  id?: string;
}

export interface TeamsMember {
  id: string;
  name: string;
  aadObjectId: string;
  tenantId: string;
}

/** The fake's largest roster page: the real one may also give fewer members than asked for. */
const ROSTER_PAGE = 2;

export interface Fault {
  status: number;
  retryAfterSeconds?: number;
}

/**
 * A Bot Connector on loopback that answers as the real one does for what Baton uses: replies
 * (POST /v3/conversations/{id}/activities/{replyToId}), sends, updates (PUT) and member look-ups
 * (GET /v3/conversations/{id}/members/{userId}, the user by `29:` id or Entra object id), the member roster
 * (GET /v3/conversations/{id}/pagedmembers, every member added, in pages of at most `ROSTER_PAGE` so paging is
 * exercised) and new channel threads (POST /v3/conversations with
 * the channel in channelData, answered `{id: "<channel>;messageid=<root>", activityId: <root>}`).
 * Conversation ids arrive unencoded in the path, as the SDK sends them. Faults queued with `failNext` are answered first (429 with Retry-After, 5xx).
 * It also stands in for the OneDrive upload URL a file consent names: a PUT under `/upload/` is kept as is.
 */
export class FakeTeamsConnector {
  readonly calls: ConnectorCall[] = [];
  private readonly members = new Map<string, TeamsMember>();
  private readonly faults: Fault[] = [];
  private readonly lookupFaults: Fault[] = [];
  private readonly matchedFaults: { match: (call: ConnectorCall) => boolean; fault: Fault }[] = [];
  private readonly waiters: (() => void)[] = [];
  private nextId = 1;
  /** Thread roots are numbers in Teams (`;messageid=1700000000000`). */
  private nextRoot = 1_800_000_000_000;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<FakeTeamsConnector> {
    let fake: FakeTeamsConnector | undefined;
    const server = createServer((req, res) => void fake!.handle(req, res));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    fake = new FakeTeamsConnector(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    return fake;
  }

  addMember(member: TeamsMember): void {
    this.members.set(member.id, member);
  }

  failNext(...faults: Fault[]): void {
    this.faults.push(...faults);
  }

  /** Faults for the next calls that match, in order (each answers one call); `failNext` comes first. */
  failWhere(match: (call: ConnectorCall) => boolean, ...faults: Fault[]): void {
    this.matchedFaults.push(...faults.map((fault) => ({ match, fault })));
  }

  /** Forgets every fault not yet answered. */
  clearFaults(): void {
    this.faults.length = 0;
    this.lookupFaults.length = 0;
    this.matchedFaults.length = 0;
  }

  /** Faults for the next member look-ups, which `failNext` leaves alone. */
  failNextLookup(...faults: Fault[]): void {
    this.lookupFaults.push(...faults);
  }

  /** Messages Baton posted in one conversation (by its id without the thread suffix), in order. */
  posts(conversation: string): ConnectorCall[] {
    return this.calls.filter((c) => (c.kind === 'reply' || c.kind === 'send') && c.status === 201 && c.conversationId.split(';')[0] === conversation);
  }

  async waitFor(predicate: (c: ConnectorCall) => boolean, timeoutMs = 8000): Promise<ConnectorCall> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.calls.find(predicate);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching Bot Connector call within ${timeoutMs} ms; calls: ${JSON.stringify(this.calls.map((c) => `${c.method} ${c.path} ${c.status}`))}`);
      await new Promise<void>((r) => {
        const t = setTimeout(r, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(t);
          r();
        });
      });
    }
  }

  stop(): Promise<void> {
    return new Promise((r) => {
      this.server.close(() => r());
      this.server.closeAllConnections();
    });
  }

  private matchedFault(call: ConnectorCall): Fault | undefined {
    const i = this.matchedFaults.findIndex((f) => f.match(call));
    return i < 0 ? undefined : this.matchedFaults.splice(i, 1)[0]!.fault;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
    const text = Buffer.concat(chunks).toString('utf8');
    const path = decodeURI(new URL(req.url ?? '/', this.url).pathname);
    if (path.startsWith('/upload/')) {
      this.calls.push({ method: req.method ?? 'PUT', path, conversationId: '', kind: 'upload', body: {}, uploaded: text, status: 201, at: Date.now() });
      for (const wake of this.waiters.splice(0)) wake();
      res.writeHead(201, { 'content-type': 'application/json' }).end('{}');
      return;
    }
    const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    const query = new URL(req.url ?? '/', this.url).searchParams;
    const call = { ...this.route(req.method ?? 'GET', path, body, req.headers.authorization), at: Date.now() };
    const fault = call.kind === 'member' || call.kind === 'members' ? this.lookupFaults.shift() : (this.faults.shift() ?? this.matchedFault(call));
    if (fault) call.status = fault.status;
    this.calls.push(call);
    for (const wake of this.waiters.splice(0)) wake();
    if (fault) {
      res.writeHead(fault.status, { 'content-type': 'application/json', ...(fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : {}) });
      res.end(JSON.stringify({ error: { code: fault.status === 429 ? 'TooManyRequests' : 'ServiceError', message: 'fault injected by the test' } }));
      return;
    }
    if (call.kind === 'member') {
      // Like the real one, it finds a member by the Teams id (29:…) or by the Entra object id.
      const id = call.activityId ?? '';
      const member = this.members.get(id) ?? [...this.members.values()].find((m) => m.aadObjectId === id);
      res.writeHead(member ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(member ?? { error: { code: 'MemberNotFound' } }));
      return;
    }
    if (call.kind === 'members') {
      const from = Number(query.get('continuationToken') ?? 0);
      const size = Math.min(Number(query.get('pageSize') ?? ROSTER_PAGE), ROSTER_PAGE);
      const all = [...this.members.values()];
      const next = from + size < all.length ? { continuationToken: String(from + size) } : {};
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ members: all.slice(from, from + size), ...next }));
      return;
    }
    const answer = call.kind === 'create' ? { id: `${call.conversationId};messageid=${call.id}`, activityId: call.id } : { id: call.id ?? call.activityId };
    res.writeHead(call.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
  }

  private route(method: string, path: string, body: Record<string, unknown>, authorization?: string): ConnectorCall {
    const member = /^\/v3\/conversations\/(.+)\/members\/([^/]+)$/.exec(path);
    const roster = /^\/v3\/conversations\/(.+)\/pagedmembers$/.exec(path);
    if (roster && method === 'GET') return { method, path, conversationId: roster[1]!, kind: 'members', body, authorization, status: 200 };
    if (member && method === 'GET') return { method, path, conversationId: member[1]!, activityId: decodeURIComponent(member[2]!), kind: 'member', body, authorization, status: 200 };
    if (path === '/v3/conversations' && method === 'POST') {
      const channel = (body.channelData as { channel?: { id?: string } } | undefined)?.channel?.id ?? '';
      return { method, path, conversationId: channel, kind: 'create', body: (body.activity ?? {}) as Record<string, unknown>, authorization, status: 201, id: String(this.nextRoot++) };
    }
    const activity = /^\/v3\/conversations\/(.+)\/activities(?:\/([^/]+))?$/.exec(path);
    if (!activity) return { method, path, conversationId: '', kind: 'send', body, authorization, status: 404 };
    const [, conversationId, activityId] = activity;
    if (method === 'PUT') return { method, path, conversationId: conversationId!, activityId, kind: 'update', body, authorization, status: 200 };
    const id = `bot-${this.nextId++}`;
    return { method, path, conversationId: conversationId!, activityId: activityId && decodeURIComponent(activityId), kind: activityId ? 'reply' : 'send', body, authorization, status: 201, id };
  }
}
