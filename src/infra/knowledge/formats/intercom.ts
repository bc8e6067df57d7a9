import type { HumanEvidence, KnowledgeTurn } from '../../../core/ports/knowledge.js';
import { topicTag, type HelpdeskTicket } from '../helpdesk-ticket.js';
import { defined, str } from '../helpdesk-record.js';
import { plainText } from '../html-text.js';
import type { Sideloads } from './sideloads.js';

type Rec = Record<string, unknown>;

/** An Intercom conversation: a `source` (the opening message) and `conversation_parts`. */
export function isIntercom(rec: Rec): boolean {
  return rec.type === 'conversation' || (typeof rec.source === 'object' && rec.conversation_parts !== undefined);
}

const CUSTOMER = new Set(['user', 'lead', 'contact']);
/** Parts that change who has the conversation, or reopen it. */
const ASSIGNMENT = new Set(['assignment', 'assign_and_reopen', 'assign_and_unsnooze', 'default_assignment']);
const REOPEN = new Set(['open', 'assign_and_reopen']);

const list = (v: unknown, key: string): Rec[] => {
  const inner = v && typeof v === 'object' && !Array.isArray(v) ? (v as Rec)[key] : v;
  return Array.isArray(inner) ? (inner as Rec[]) : [];
};
const author = (r: Rec) => (r.author as Rec | undefined) ?? {};

/**
 * A part or the source: user and lead are the customer, admin and bot staff. Only comments speak to the
 * customer: a `note`, and the remark on an assignment or a close ("Passing to billing, they own this"), are internal.
 */
function turnOf(part: Rec): KnowledgeTurn | undefined {
  const raw = str(part.body);
  const text = raw && plainText(raw);
  if (!text) return undefined;
  if (part.part_type !== undefined && part.part_type !== 'comment') return { role: 'internal', text };
  return { role: CUSTOMER.has(String(author(part).type)) ? 'customer' : 'agent', text };
}

/**
 * Signs it needed a person: a bot answered and then an admin had to (`escalated`), it was assigned more
 * than once by a person (`reassigned`), or it was reopened (`reopened`); without parts, from `statistics`.
 */
function evidence(source: Rec, parts: Rec[], stats: Rec): HumanEvidence[] {
  const out: HumanEvidence[] = [];
  const authors = [source, ...parts].filter((p) => p.part_type !== 'note' && str(p.body)).map((p) => String(author(p).type));
  const bot = authors.indexOf('bot');
  if (bot >= 0 && authors.indexOf('admin', bot) > bot) out.push('escalated');
  // Intercom's count_reassignments counts a bot's hand-over to the team as well: the parts decide when present.
  if (parts.length > 0 ? parts.filter(isReassignment).length > 1 : Number(stats.count_reassignments ?? 0) > 0) out.push('reassigned');
  // Reopened: after a close, it was opened again and the team had to answer again. A customer's thanks
  // reopens an Intercom conversation too (and counts in count_reopens), so the parts decide when present.
  const closed = parts.findIndex((p) => p.part_type === 'close');
  const after = closed >= 0 ? parts.slice(closed) : [];
  const reopen = after.findIndex((p) => REOPEN.has(String(p.part_type)) || (p.part_type === 'comment' && CUSTOMER.has(String(author(p).type))));
  const answeredAgain = reopen >= 0 && after.slice(reopen).some((p) => p.part_type === 'comment' && author(p).type === 'admin' && str(p.body));
  if (parts.length > 0 ? answeredAgain : Number(stats.count_reopens ?? 0) > 0) out.push('reopened');
  return out;
}

/**
 * The conversation's company: Intercom keeps it on the contact, not the conversation. The first contact
 * (or the source's author) is looked up in the `contacts` sideload, its first company in `companies`.
 */
function company(rec: Rec, source: Rec, side: Sideloads): { account?: string; emails: string[]; unresolved: boolean } {
  const ids = [...list(rec.contacts, 'contacts').map((c) => str(c.id)), str(author(source).id)].filter((id): id is string => id !== undefined);
  const contact = ids.map((id) => side.users.get(id)).find((c) => c !== undefined);
  const emails = [str(author(source).email), str(contact?.email)].filter((e): e is string => e !== undefined);
  const embedded = list(contact?.companies, 'data').concat(list(contact?.companies, 'companies'));
  const first = embedded[0];
  const found = first && (side.organizations.get(String(first.id)) ?? first);
  const account = str(found?.name) ?? str(found?.company_id);
  // Unresolved only when the contact is not in the export at all (no contacts file): one found without a company has none.
  return { ...(account ? { account } : {}), emails, unresolved: ids.length > 0 && contact === undefined };
}

/**
 * Parts that hand the conversation on: a person assigning it. A bot (Fin) handing over to the team, and
 * Intercom's own default assignment, are not a reassignment.
 */
const isReassignment = (p: Rec) => ASSIGNMENT.has(String(p.part_type)) && p.part_type !== 'default_assignment' && author(p).type !== 'bot';

/** Topic from the first tag (or Intercom's `topics`), the team as category; HTML bodies become text. */
export function fromIntercom(rec: Rec, side: Sideloads): HelpdeskTicket {
  const source = (rec.source as Rec | undefined) ?? {};
  const parts = list(rec.conversation_parts, 'conversation_parts');
  const turns = [source, ...parts].map(turnOf).filter((t): t is KnowledgeTurn => t !== undefined);
  const tags = list(rec.tags, 'tags').map((t) => String(t.name ?? '')).filter(Boolean);
  const topics = list(rec.topics, 'topics').map((t) => String(t.name ?? '')).filter(Boolean);
  const people = [source, ...parts].map(author);
  const state = str(rec.state) ?? (rec.open === false ? 'closed' : rec.open === true ? 'open' : undefined);
  const custom = (rec.custom_attributes as Rec | undefined) ?? {};
  const org = company(rec, source, side);
  return {
    turns,
    customerEmails: org.emails,
    unresolved: org.unresolved ? ['account'] : [],
    tags,
    evidence: evidence(source, parts, (rec.statistics as Rec | undefined) ?? {}),
    names: people.flatMap((a) => [str(a.name), str(a.email)]).filter((n): n is string => n !== undefined),
    ...defined({
      id: str(rec.id),
      status: state,
      subject: str(rec.title) ?? str(source.subject),
      category: str(custom.category) ?? str(custom.Category),
      topic: topics[0] ?? topicTag(tags),
      account: org.account,
    }),
  };
}
