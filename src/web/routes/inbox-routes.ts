import { z } from 'zod';
import { noteRefusal, specialistRefusal } from '../../core/copy/refusals.js';
import { INBOX_STATUSES, loadInbox } from '../../core/escalation/inbox.js';
import { addInternalNote } from '../../core/escalation/internal-note.js';
import { assignEscalation } from '../../core/escalation/specialist-actions.js';
import type { Routes } from '../../http/http-server.js';
import { escalationBody } from '../normalize.js';
import type { PlaygroundContext } from '../playground-context.js';
import { PLAYGROUND_STAFF, PLAYGROUND_TEAM } from '../playground-policy.js';
import { readJson, sendJson } from './json-io.js';

const noteBody = escalationBody.extend({ text: z.string() });
const assignBody = escalationBody.extend({ to: z.string().min(1) });

/** The inbox's filters as the page's query gives them: `?queue=billing&status=open&mine=1&breaching=1`. */
function filterOf(url: string | undefined, queues: string[]) {
  const q = new URL(url ?? '/', 'http://localhost').searchParams;
  const query = z.object({
    queue: z.enum(queues, { error: `queue must be one of ${queues.join(', ')}.` }).optional(),
    status: z.enum(INBOX_STATUSES, { error: `status must be one of ${INBOX_STATUSES.join(', ')}.` }).optional(),
    mine: z.literal('1').optional(),
    breaching: z.literal('1').optional(),
  });
  const parsed = query.safeParse(Object.fromEntries([...q].filter(([, v]) => v !== '')));
  if (!parsed.success) return { ok: false as const, error: parsed.error.issues.map((i) => i.message).join(' ') };
  const { mine, breaching, ...rest } = parsed.data;
  return { ok: true as const, filter: { ...rest, mine: !!mine, breaching: !!breaching } };
}

/** The specialist's inbox: every escalation from the store, filtered; internal notes; assigning to a teammate. */
export function serveInboxRoutes(server: Routes, ctx: PlaygroundContext): void {
  const { core } = ctx;

  server.route('GET', '/api/inbox', async (req, res) => {
    const parsed = filterOf(req.url, core.policy.queues.map((q) => q.id));
    if (!parsed.ok) return sendJson(res, 400, { error: parsed.error });
    sendJson(res, 200, { now: core.clock.now(), rows: await loadInbox(core, PLAYGROUND_STAFF, parsed.filter) });
  });

  server.route('POST', '/api/note', async (req, res) => {
    const body = await readJson(req, res, noteBody);
    if (!body) return;
    const result = await addInternalNote(core, body.escalationId, PLAYGROUND_STAFF, body.text);
    if (result.ok) return sendJson(res, 200, { ok: true });
    sendJson(res, result.reason === 'not_found' ? 404 : 400, { ok: false, error: noteRefusal(result.reason) });
  });

  server.route('POST', '/api/assign', async (req, res) => {
    const body = await readJson(req, res, assignBody);
    if (!body) return;
    const to = PLAYGROUND_TEAM.find((p) => p.id === body.to);
    if (!to) return sendJson(res, 400, { ok: false, error: `"${body.to}" is not on the team: ${PLAYGROUND_TEAM.map((p) => p.name).join(', ')}.` });
    const result = await assignEscalation(core, body.escalationId, PLAYGROUND_STAFF, to);
    sendJson(res, result.ok ? 200 : result.reason === 'not_found' ? 404 : 409, { ok: result.ok, refusal: specialistRefusal(result, (who) => who.name ?? who.id) });
  });
}
