import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../core/ports/logger.js';
import { BatonError } from '../core/errors/error-catalogue.js';

/** A plain Node handler; it owns the response once called. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'HEAD';

/** Runs before a guarded route: false means it answered the request itself. */
export type RequestGuard = (req: IncomingMessage, res: ServerResponse) => boolean;

/** What adds routes: the server itself, or a view of it whose routes run a guard first (`guarded`). */
export interface Routes {
  route(method: HttpMethod, path: string, handler: RouteHandler): unknown;
}

/**
 * The one HTTP server Baton listens with, on PORT: Slack's /slack/events (HTTP mode), health, metrics,
 * and whatever other adapters add (Teams' /api/messages, the playground). Routes match exact paths;
 * a route added after `listen` serves from the next request on.
 */
export class HttpServer {
  private readonly routes = new Map<string, RouteHandler>();
  private readonly server: Server;

  constructor(private readonly log: Logger) {
    this.server = createServer(this.dispatch);
  }

  route(method: HttpMethod, path: string, handler: RouteHandler): this {
    const key = `${method} ${path}`;
    if (this.routes.has(key)) throw new BatonError('HTTP_ROUTE_TAKEN', `route ${key} is already taken`);
    this.routes.set(key, handler);
    return this;
  }

  /**
   * Routes added through the view run `guard` first (the playground's origin checks): one adapter's
   * checks cover its own routes only, never another platform's or the health probes.
   */
  guarded(guard: RequestGuard): Routes {
    return { route: (method, path, handler) => this.route(method, path, (req, res) => (guard(req, res) ? handler(req, res) : undefined)) };
  }

  /** The port bound (0 before `listen`). */
  get port(): number {
    return (this.server.address() as AddressInfo | null)?.port ?? 0;
  }

  /** Binds PORT (0 picks a free one), on every interface unless a host is given, and resolves with the port bound. */
  listen(port: number, host?: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve((this.server.address() as AddressInfo).port);
      });
    });
  }

  /** Stops taking connections; requests under way finish, idle keep-alive sockets are dropped. */
  close(): Promise<void> {
    if (!this.server.listening) return Promise.resolve();
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeIdleConnections();
    });
  }

  /** Bound, so the server calls it for each request with nothing in between. */
  private readonly dispatch = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const method = req.method === 'HEAD' && !this.routes.has(`HEAD ${path}`) ? 'GET' : (req.method ?? 'GET');
    const handler = this.routes.get(`${method} ${path}`);
    if (!handler) {
      const allowed = [...this.routes.keys()].some((k) => k.endsWith(` ${path}`));
      res.writeHead(allowed ? 405 : 404, { 'content-type': 'text/plain' }).end(allowed ? 'method not allowed\n' : 'not found\n');
      return;
    }
    try {
      await handler(req, res);
    } catch (err) {
      this.log.error({ err, method, path }, 'HTTP handler failed');
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      if (!res.writableEnded) res.end('internal error\n');
    }
  };
}
