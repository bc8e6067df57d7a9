import type { Routes } from '../http/http-server.js';
import type { PlaygroundContext } from './playground-context.js';
import { serveAnswerRoutes } from './routes/answer-routes.js';
import { serveCustomerRoutes } from './routes/customer-routes.js';
import { serveInboxRoutes } from './routes/inbox-routes.js';
import { serveLeadRoutes } from './routes/lead-routes.js';
import { servePageRoutes } from './routes/page-routes.js';
import { serveSpecialistRoutes } from './routes/specialist-routes.js';

/** Every route of the playground's page and API. */
export function servePlayground(server: Routes, ctx: PlaygroundContext): void {
  servePageRoutes(server, ctx);
  serveCustomerRoutes(server, ctx);
  serveSpecialistRoutes(server, ctx);
  serveInboxRoutes(server, ctx);
  serveLeadRoutes(server, ctx);
  serveAnswerRoutes(server, ctx);
}
