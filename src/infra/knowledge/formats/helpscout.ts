import type { HumanEvidence, KnowledgeTurn } from '../../../core/ports/knowledge.js';
import { topicTag, type HelpdeskTicket } from '../helpdesk-ticket.js';
import { defined, str } from '../helpdesk-record.js';
import { plainText } from '../html-text.js';
import { substance } from '../resolving-turns.js';
import type { Sideloads } from './sideloads.js';

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
  // Reopened: set active again after it was closed, and the team answered again. A customer's thanks
  // after the close also sets it active; with no staff reply after it, it is not a reopen.
  const closed = threads.findIndex((t) => t.status === 'closed');
  const after = closed >= 0 ? threads.slice(closed + 1) : [];
  const active = after.findIndex((t) => t.status === 'active');
  if (active >= 0 && after.slice(active).some((t) => STAFF_TYPES.has(String(t.type)) && t.state !== 'draft')) out.push('reopened');
  return out;
}

/**
 * The conversation's status, save that one closed and then only thanked by the customer (which sets it
 * active again) is still closed: nothing was left to do.
 */
function statusOf(rec: Rec, threads: Rec[]): string | undefined {
  const status = str(rec.status);
  const closed = threads.findLastIndex((t) => t.status === 'closed');
  if (status === 'closed' || closed < 0) return status;
  const after = threads.slice(closed + 1).filter((t) => t.state !== 'draft' && t.type !== 'lineitem');
  const onlyThanks = after.every((t) => t.type === 'customer' && substance(plainText(str(t.body) ?? '')) === '');
  return onlyThanks ? 'closed' : status;
}

/**
 * The customer's account: a conversation custom field named account, company or organization; else the
 * customer's organization (on the conversation's customer or in a `customers` sideload). Else nothing:
 * the email domain may still find it (`accounts[].email_domains`).
 */
function accountOf(rec: Rec, side: Sideloads): string | undefined {
  const fields = Array.isArray(rec.customFields) ? (rec.customFields as Rec[]) : [];
  const field = fields.find((f) => /^(account|company|organi[sz]ation)( name)?$/i.test(String(f.name ?? '')));
  const customer = (rec.primaryCustomer as Rec | undefined) ?? {};
  const known = side.users.get(String(customer.id ?? ''));
  return str(field?.text) ?? str(field?.value) ?? str(customer.organization) ?? str(known?.organization) ?? str((known?.company as Rec | undefined)?.name);
}

const person = (p: unknown) => {
  const r = (p as Rec | undefined) ?? {};
  return [str(r.first) && str(r.last) ? `${String(r.first)} ${String(r.last)}` : undefined, str(r.first), str(r.last), str(r.email)];
};

/** Tags (objects with `tag`, or strings) give the topic; a mailbox move says it went to another team. */
export function fromHelpScout(rec: Rec, side: Sideloads): HelpdeskTicket {
  const threads = threadsOf(rec);
  const tags = (Array.isArray(rec.tags) ? (rec.tags as unknown[]) : []).map((t) => String(typeof t === 'object' && t ? (t as Rec).tag ?? (t as Rec).name ?? '' : t)).filter(Boolean);
  const people = [rec.primaryCustomer, rec.customer, ...threads.map((t) => t.createdBy), ...threads.map((t) => t.customer)].flatMap(person);
  return {
    turns: threads.map(turnOf).filter((t): t is KnowledgeTurn => t !== undefined),
    tags,
    evidence: evidence(threads),
    names: people.filter((n): n is string => n !== undefined),
    customerEmails: [rec.primaryCustomer, ...threads.filter((t) => t.type === 'customer').map((t) => t.createdBy)].map((p) => str((p as Rec | undefined)?.email)).filter((e): e is string => e !== undefined),
    ...defined({ id: str(rec.id), status: statusOf(rec, threads), subject: str(rec.subject), topic: topicTag(tags), account: accountOf(rec, side) }),
  };
}
