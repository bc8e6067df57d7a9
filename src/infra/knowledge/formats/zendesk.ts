import type { HumanEvidence, KnowledgeTurn } from '../../../core/ports/knowledge.js';
import { topicTag, type HelpdeskTicket, type Unresolved } from '../helpdesk-ticket.js';
import { defined, str, tagsOf } from '../helpdesk-record.js';
import { plainText } from '../html-text.js';
import type { Sideloads } from './sideloads.js';

type Rec = Record<string, unknown>;

/**
 * A Zendesk ticket: a requester, and comments with author_id, a via channel or a metric set. Tickets of
 * the Incremental Ticket Export carry no comments: theirs come from the Incremental Ticket Event Export's
 * `comment_events` (sideloaded, joined by `ticket_id`).
 */
export function isZendesk(rec: Rec): boolean {
  return rec.requester_id !== undefined && (Array.isArray(rec.comments) || typeof rec.via === 'object' || rec.metric_set !== undefined);
}

const num = (v: unknown) => (typeof v === 'number' ? v : Number(v ?? 0)) || 0;

/**
 * A comment's author: the sideloaded user's role (end-user is the customer; agent and admin are staff),
 * else the requester is the customer and anyone else staff. `public: false` is an internal note.
 */
function turnOf(c: Rec, ticket: Rec, side: Sideloads): KnowledgeTurn | undefined {
  const raw = str(c.plain_body) ?? str(c.body) ?? str(c.html_body);
  const text = raw && plainText(raw);
  if (!text) return undefined;
  if (c.public === false) return { role: 'internal', text };
  const author = side.users.get(String(c.author_id ?? ''));
  const role = str(author?.role);
  const customer = role ? role === 'end-user' : String(c.author_id) === String(ticket.requester_id);
  return { role: customer ? 'customer' : 'agent', text };
}

/** What the ticket's metrics say: reopened after solving, or passed to a second group (a higher tier). */
function evidence(metrics: Rec | undefined): HumanEvidence[] {
  const out: HumanEvidence[] = [];
  if (!metrics) return out;
  if (num(metrics.group_stations) > 1) out.push('reassigned');
  if (num(metrics.reopens) > 0) out.push('reopened');
  return out;
}

/** Category from the ticket's group, topic from its first tag that is not an outcome; the organization is the account. */
export function fromZendesk(rec: Rec, side: Sideloads): HelpdeskTicket {
  const events = [...(side.comments.get(String(rec.id)) ?? [])].sort((a, b) => String(a.created_at ?? '').localeCompare(String(b.created_at ?? '')));
  const comments = Array.isArray(rec.comments) ? (rec.comments as Rec[]) : events;
  const turns = comments.map((c) => turnOf(c, rec, side)).filter((t): t is KnowledgeTurn => t !== undefined);
  const tags = tagsOf(rec.tags);
  const metrics = (rec.metric_set as Rec | undefined) ?? side.metrics.get(String(rec.id));
  const org = side.organizations.get(String(rec.organization_id ?? ''));
  const people = [rec.requester_id, rec.submitter_id, rec.assignee_id, ...comments.map((c) => c.author_id)].map((id) => side.users.get(String(id ?? '')));
  const description = str(rec.description);
  const unresolved: Unresolved[] = [];
  if (rec.organization_id != null && !org) unresolved.push('account');
  if (rec.group_id != null && !side.groups.has(String(rec.group_id))) unresolved.push('category');
  if ([rec.requester_id, ...comments.map((c) => c.author_id)].some((id) => id != null && !side.users.has(String(id)))) unresolved.push('people');
  return {
    unresolved,
    turns: turns.length > 0 ? turns : description ? [{ role: 'customer', text: plainText(description) }] : [],
    tags,
    evidence: evidence(metrics),
    names: [...people.flatMap((u) => [str(u?.name), str(u?.email)]), str(org?.name)].filter((n): n is string => n !== undefined),
    customerEmails: [str(people[0]?.email)].filter((e): e is string => e !== undefined),
    ...defined({
      id: str(rec.id),
      status: str(rec.status),
      subject: str(rec.subject) ?? str(rec.raw_subject),
      account: str(org?.external_id) ?? str(org?.name) ?? str(rec.organization_id),
      category: str(side.groups.get(String(rec.group_id ?? ''))?.name),
      topic: topicTag(tags),
    }),
  };
}
