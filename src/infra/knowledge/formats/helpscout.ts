import type { HumanEvidence, KnowledgeTurn } from '../../../core/ports/knowledge.js';
import { topicTag, type HelpdeskTicket } from '../helpdesk-ticket.js';
import { defined, str } from '../helpdesk-record.js';
import { plainText } from '../html-text.js';

type Rec = Record<string, unknown>;

/** A Help Scout conversation (Mailbox API 2.0): `_embedded.threads` (or `threads`), `mailboxId`, `primaryCustomer`. */
export function isHelpScout(rec: Rec): boolean {
  return (rec._embedded as Rec | undefined)?.threads !== undefined || rec.primaryCustomer !== undefined || rec.mailboxId !== undefined;
}

/** Thread types that are people writing; `lineitem` (actions) and drafts are not. */
const CUSTOMER_TYPES = new Set(['customer']);
const STAFF_TYPES = new Set(['reply', 'message', 'chat', 'phone']);

function threadsOf(rec: Rec): Rec[] {
  const raw = (rec._embedded as Rec | undefined)?.threads ?? rec.threads;
  const threads = Array.isArray(raw) ? (raw as Rec[]) : [];
  // The API lists threads newest first; a thread's createdAt puts them back in order.
  return [...threads].sort((a, b) => String(a.createdAt ?? '').localeCompare(String(b.createdAt ?? '')));
}

function turnOf(t: Rec): KnowledgeTurn | undefined {
  const type = String(t.type ?? '');
  const raw = str(t.body);
  const text = raw && plainText(raw);
  if (!text || t.state === 'draft') return undefined;
  if (type === 'note') return { role: 'internal', text };
  const by = String((t.createdBy as Rec | undefined)?.type ?? '');
  if (CUSTOMER_TYPES.has(type) || (type === 'chat' && by === 'customer')) return { role: 'customer', text };
  return STAFF_TYPES.has(type) ? { role: 'agent', text } : undefined;
}

/** Moved to another mailbox or assigned more than once (`reassigned`); set active again after closed (`reopened`). */
function evidence(threads: Rec[]): HumanEvidence[] {
  const out: HumanEvidence[] = [];
  const actions = threads.map((t) => String((t.action as Rec | undefined)?.type ?? t.actionType ?? ''));
  const assigned = threads.filter((t) => t.type === 'lineitem' && t.assignedTo !== undefined).length;
  if (actions.some((a) => /moved/i.test(a)) || assigned > 1) out.push('reassigned');
  const statuses = threads.map((t) => String(t.status ?? ''));
  const closed = statuses.indexOf('closed');
  if (closed >= 0 && statuses.slice(closed + 1).some((s) => s === 'active')) out.push('reopened');
  return out;
}

const person = (p: unknown) => {
  const r = (p as Rec | undefined) ?? {};
  return [str(r.first) && str(r.last) ? `${String(r.first)} ${String(r.last)}` : undefined, str(r.first), str(r.last), str(r.email)];
};

/** Tags (objects with `tag`, or strings) give the topic; a mailbox move says it went to another team. */
export function fromHelpScout(rec: Rec): HelpdeskTicket {
  const threads = threadsOf(rec);
  const tags = (Array.isArray(rec.tags) ? (rec.tags as unknown[]) : []).map((t) => String(typeof t === 'object' && t ? (t as Rec).tag ?? (t as Rec).name ?? '' : t)).filter(Boolean);
  const people = [rec.primaryCustomer, rec.customer, ...threads.map((t) => t.createdBy), ...threads.map((t) => t.customer)].flatMap(person);
  return {
    turns: threads.map(turnOf).filter((t): t is KnowledgeTurn => t !== undefined),
    tags,
    evidence: evidence(threads),
    names: people.filter((n): n is string => n !== undefined),
    ...defined({ id: str(rec.id), status: str(rec.status), subject: str(rec.subject), topic: topicTag(tags) }),
  };
}
