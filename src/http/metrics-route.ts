import type { Registry } from 'prom-client';
import type { HttpServer } from './http-server.js';

/** `/metrics` in the Prometheus text format. */
export function addMetricsRoute(server: HttpServer, registry: Registry): void {
  server.route('GET', '/metrics', async (_req, res) => {
    const body = await registry.metrics();
    res.writeHead(200, { 'content-type': registry.contentType }).end(body);
  });
}
