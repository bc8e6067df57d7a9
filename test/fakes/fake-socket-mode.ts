/**
 * A fake Slack Socket Mode endpoint on loopback (platform-facts §1.9), shaped after what
 * @slack/socket-mode v3 (the client inside Bolt 5) does, read from its dist source:
 * - It calls `apps.connections.open` with the app-level token in `Authorization: Bearer`; the
 *   attached FakeSlackApi answers with `ws://127.0.0.1:PORT/link/?ticket=…&app_id=…` from here.
 *   A ticket admits one connection; a reused or unknown one is refused at the upgrade (401).
 * - Its `start()` resolves on our `hello`; until then nothing counts as connected.
 * - It pings every clientPingTimeout/3 and drops the link after 3 unanswered pings (`ws` answers
 *   them). It also arms a watchdog once the server pings, so we ping on connect and on an interval.
 * - It acks each envelope with `{envelope_id, payload}` (payload `{}` when the ack has no body);
 *   acks are recorded per envelope id.
 * - On a `disconnect` message it closes the socket, waits (clientPingTimeout × failures, 5 s by
 *   default), calls `apps.connections.open` again and connects to the new URL.
 * It never appends `debug_reconnects=true`; we honour the flag in `hello` if a client does.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import type { SocketModeLink } from './fake-slack-app-methods.js';
import { WaitableLog } from './fake-slack-call-log.js';
import type { EventCallback } from './slack-event-payloads.js';
import {
  eventsApiEnvelope,
  redeliveryOf,
  type RetryOptions,
  type SocketModeEnvelope,
} from './socket-mode-envelopes.js';

export type { SocketModeEnvelope } from './socket-mode-envelopes.js';

/** The reasons Slack gives in a `disconnect` message (§1.9). */
export type DisconnectReason = 'refresh_requested' | 'warning' | 'link_disabled' | 'too_many_websockets';

/** One WebSocket link as the test sees it; the fields change as the link lives. */
export interface SocketConnection {
  /** 1, 2, … in the order clients connected. */
  readonly id: number;
  readonly ticket: string;
  readonly debugReconnects: boolean;
  open: boolean;
  /** Set once we sent `disconnect`: no more envelopes go this way. */
  draining: boolean;
  closed?: { code: number; reason: string };
  /** Pings the client sent us, and pongs it returned for ours: the heartbeat both sides run. */
  clientPings: number;
  pongs: number;
}

export interface ReceivedAck {
  envelopeId: string;
  /** What the client put in `payload`; @slack/socket-mode always sends an object. */
  payload: unknown;
  connectionId: number;
  /** False when no envelope with this id was sent: a protocol error on the client's side. */
  known: boolean;
  at: number;
}

export interface FakeSocketModeOptions {
  appId?: string;
  /** How often the server pings each link (Slack's interval is not documented). Default 10 s. */
  pingIntervalMs?: number;
}

/** Only what the fake needs of the Web API fake, so neither file imports the other's class. */
export interface SocketModeHost {
  attachSocketMode(link: SocketModeLink | undefined): void;
}

/** The plain-data `info` is what tests see; the socket and its ping timer stay in here. */
interface Link {
  readonly info: SocketConnection;
  readonly ws: WebSocket;
  readonly pinger: NodeJS.Timeout;
}

const DEFAULT_PING_INTERVAL_MS = 10_000;
/** `approximate_connection_time` in `hello`, in seconds: Slack's usual, and its debug_reconnects one. */
const CONNECTION_TIME_S = 3600;
const DEBUG_CONNECTION_TIME_S = 360;

export class FakeSocketMode implements SocketModeLink {
  private readonly wss = new WebSocketServer({ noServer: true });
  /** ticket -> already used. */
  private readonly tickets = new Map<string, boolean>();
  private readonly links: Link[] = [];
  private readonly sent = new Map<string, SocketModeEnvelope>();
  private readonly hellos = new WaitableLog<SocketConnection>((c) => `connection ${c.id}`);
  private readonly closes = new WaitableLog<SocketConnection>((c) => `connection ${c.id} closed ${JSON.stringify(c.closed)}`);
  private readonly ackLog = new WaitableLog<ReceivedAck>((a) => `ack ${a.envelopeId} ${JSON.stringify(a.payload)}`);
  /** Client messages that were not acks (unparseable, binary, no envelope_id). */
  readonly strays: unknown[] = [];
  private port = 0;

  private constructor(
    private readonly server: Server,
    private readonly host: SocketModeHost | undefined,
    private readonly appId: string,
    private readonly pingIntervalMs: number,
  ) {}

  /** Starts on an ephemeral loopback port and, given the fake Web API, turns Socket Mode on there. */
  static async start(host?: SocketModeHost, options: FakeSocketModeOptions = {}): Promise<FakeSocketMode> {
    const server = createServer((_req, res) => res.writeHead(426).end());
    const fake = new FakeSocketMode(server, host, options.appId ?? 'A0BATONAPP', options.pingIntervalMs ?? DEFAULT_PING_INTERVAL_MS);
    server.on('upgrade', (req, socket, head) => {
      socket.on('error', () => undefined); // a client that gives up mid-handshake is not our failure
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const ticket = url.searchParams.get('ticket') ?? '';
      if (url.pathname !== '/link/' || fake.tickets.get(ticket) !== false) {
        socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      fake.tickets.set(ticket, true);
      const debugReconnects = url.searchParams.get('debug_reconnects') === 'true';
      fake.wss.handleUpgrade(req, socket, head, (ws) => fake.accept(ws, ticket, debugReconnects));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake.port = (server.address() as AddressInfo).port;
    host?.attachSocketMode(fake);
    return fake;
  }

  /** What apps.connections.open returns: a new one-use ticket on this server. */
  openConnectionUrl(): string {
    const ticket = randomUUID();
    this.tickets.set(ticket, false);
    return `ws://127.0.0.1:${this.port}/link/?ticket=${ticket}&app_id=${this.appId}`;
  }

  connections(): readonly SocketConnection[] {
    return this.links.map((l) => l.info);
  }

  /** Resolves once the n-th connection has been greeted with `hello` (the client is then started). */
  async waitForConnection(n = 1, timeoutMs = 10_000): Promise<SocketConnection> {
    const greeted = await this.hellos.waitForCount(() => true, n, timeoutMs, 'Socket Mode hello');
    return greeted[n - 1] as SocketConnection;
  }

  waitForClose(connectionId: number, timeoutMs = 5000): Promise<SocketConnection> {
    return this.closes.waitFor((c) => c.id === connectionId, timeoutMs, `close of connection ${connectionId}`, () => true);
  }

  /** Sends an envelope on the newest live link, as Slack picks any open one. */
  send(envelope: SocketModeEnvelope): SocketModeEnvelope {
    const link = [...this.links].reverse().find((l) => l.info.open && !l.info.draining && l.ws.readyState === WebSocket.OPEN);
    if (link === undefined) throw new Error('no open Socket Mode connection to deliver on; waitForConnection() first');
    this.sent.set(envelope.envelope_id, envelope);
    link.ws.send(JSON.stringify(envelope));
    return envelope;
  }

  sendEvent(callback: EventCallback, retry?: RetryOptions): SocketModeEnvelope {
    return this.send(eventsApiEnvelope(callback, retry));
  }

  /** Slack's retry of an events_api delivery: the same event in a new envelope with retry_attempt set. */
  redeliver(envelope: SocketModeEnvelope, retry: RetryOptions = { attempt: 1 }): SocketModeEnvelope {
    return this.send(redeliveryOf(envelope, retry));
  }

  /** Sends an envelope and resolves with the client's ack of it. */
  async deliver(envelope: SocketModeEnvelope, timeoutMs = 5000): Promise<ReceivedAck> {
    this.send(envelope);
    return this.waitForAck(envelope.envelope_id, timeoutMs);
  }

  /** Tells every live link to go away, as Slack does before recycling a server. */
  requestDisconnect(reason: DisconnectReason = 'refresh_requested'): void {
    for (const link of this.links.filter((l) => l.info.open && !l.info.draining)) {
      link.info.draining = true;
      link.ws.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: `applink-fake-${link.info.id}` } }));
    }
  }

  acks(envelopeId?: string): ReceivedAck[] {
    return this.ackLog.list((a) => envelopeId === undefined || a.envelopeId === envelopeId);
  }

  waitForAck(envelopeId: string, timeoutMs = 5000): Promise<ReceivedAck> {
    return this.ackLog.waitFor((a) => a.envelopeId === envelopeId, timeoutMs, `ack of ${envelopeId}`, () => true);
  }

  async stop(): Promise<void> {
    this.host?.attachSocketMode(undefined);
    for (const link of this.links) {
      clearInterval(link.pinger);
      link.ws.terminate();
    }
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((err) => (err ? reject(err) : resolve())));
  }

  private accept(ws: WebSocket, ticket: string, debugReconnects: boolean): void {
    const pinger = setInterval(() => ws.ping(), this.pingIntervalMs).unref();
    const info: SocketConnection = { id: this.links.length + 1, ticket, debugReconnects, open: true, draining: false, clientPings: 0, pongs: 0 };
    this.links.push({ info, ws, pinger });
    ws.on('message', (data, isBinary) => this.onClientMessage(info, data, isBinary));
    ws.on('ping', () => (info.clientPings += 1));
    ws.on('pong', () => (info.pongs += 1));
    ws.on('error', () => undefined); // 'close' follows and records the end of the link
    ws.on('close', (code, reason) => {
      clearInterval(pinger);
      info.open = false;
      info.closed = { code, reason: reason.toString() };
      this.closes.push(info);
    });
    const live = this.links.filter((l) => l.info.open).length;
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: live,
        debug_info: {
          host: `applink-fake-${info.id}`,
          started: new Date().toISOString().replace('T', ' ').slice(0, 23),
          build_number: 1,
          approximate_connection_time: debugReconnects ? DEBUG_CONNECTION_TIME_S : CONNECTION_TIME_S,
        },
        connection_info: { app_id: this.appId },
      }),
    );
    ws.ping();
    this.hellos.push(info);
  }

  private onClientMessage(link: SocketConnection, data: RawData, isBinary: boolean): void {
    if (isBinary) return void this.strays.push(data);
    const text = (Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(new Uint8Array(data))).toString('utf8');
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return void this.strays.push(text);
    }
    const envelopeId = (message as { envelope_id?: unknown } | null)?.envelope_id;
    if (typeof envelopeId !== 'string') return void this.strays.push(message);
    const payload = (message as { payload?: unknown }).payload;
    this.ackLog.push({ envelopeId, payload, connectionId: link.id, known: this.sent.has(envelopeId), at: Date.now() });
  }
}
