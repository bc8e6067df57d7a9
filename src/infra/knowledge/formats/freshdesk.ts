import type { HumanEvidence, KnowledgeTurn } from '../../../core/ports/knowledge.js';
import { topicTag, type HelpdeskTicket } from '../helpdesk-ticket.js';
import { defined, str, tagsOf } from '../helpdesk-record.js';
import { plainText } from '../html-text.js';
import type { Sideloads } from './sideloads.js';

type Rec = Record<string, unknown>;

/** A Freshdesk ticket (API v2, `include=conversations,requester,stats`): numeric status, `description_text`, `conversations` with `incoming`. */
export function isFreshdesk(rec: Rec): boolean {
  return rec.description_text !== undefined || (Array.isArray(rec.conversations) && (rec.conversations as Rec[]).some((c) => 'incoming' in c));
}

/** Freshdesk's status codes (2 open, 3 pending, 4 resolved, 5 closed); custom statuses keep their number. */
const STATUS: Record<string, string> = { '2': 'open', '3': 'pending', '4': 'resolved', '5': 'closed' };

/** `private: true` is a note; `incoming: true` came from the customer. */
function turnOf(c: Rec): KnowledgeTurn | undefined {
  const raw = str(c.body_text) ?? str(c.body);
  const text = raw && plainText(raw);
  if (!text) return undefined;
  if (c.private === true) return { role: 'internal', text };
  return { role: c.incoming === true ? 'customer' : 'agent', text };
}

/** Escalated by SLA (`is_escalated`, `fr_escalated`), or reopened (`stats.reopened_at`). */
function evidence(rec: Rec): HumanEvidence[] {
  const out: HumanEvidence[] = [];
  if (rec.is_escalated === true || rec.fr_escalated === true) out.push('escalated');
  if (str((rec.stats as Rec | undefined)?.reopened_at)) out.push('reopened');
  return out;
}

/** The ticket's `type` is its category, the first tag its topic, the company its account. */
export function fromFreshdesk(rec: Rec, side: Sideloads): HelpdeskTicket {
  const conversations = Array.isArray(rec.conversations) ? (rec.conversations as Rec[]) : [];
  const description = str(rec.description_text) ?? str(rec.description);
  const opening: KnowledgeTurn[] = description ? [{ role: 'customer', text: plainText(description) }] : [];
  const turns = [...opening, ...conversations.map(turnOf).filter((t): t is KnowledgeTurn => t !== undefined)];
  const tags = tagsOf(rec.tags);
  const requester = (rec.requester as Rec | undefined) ?? side.users.get(String(rec.requester_id ?? ''));
  const company = (rec.company as Rec | undefined) ?? side.organizations.get(String(rec.company_id ?? ''));
  const status = str(rec.status);
  return {
    turns,
    tags,
    evidence: evidence(rec),
    names: [str(requester?.name), str(requester?.email), str(company?.name), ...conversations.map((c) => str(c.from_email))].filter((n): n is string => n !== undefined),
    customerEmails: [str(requester?.email), ...conversations.filter((c) => c.incoming === true).map((c) => str(c.from_email))].filter((e): e is string => e !== undefined),
    ...defined({
      id: str(rec.id),
      status: status && (STATUS[status] ?? status),
      subject: str(rec.subject),
      account: str(company?.name) ?? str(rec.company_id),
      category: str(rec.type),
      topic: topicTag(tags),
    }),
  };
}
