import type { HumanEvidence, KnowledgeTurn } from '../../../core/ports/knowledge.js';
import { topicTag, type HelpdeskTicket } from '../helpdesk-ticket.js';
import { defined, str } from '../helpdesk-record.js';
import { plainText } from '../html-text.js';

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

/** A part or the source: user and lead are the customer, admin and bot staff; a `note` part is internal. */
function turnOf(part: Rec): KnowledgeTurn | undefined {
  const raw = str(part.body);
  const text = raw && plainText(raw);
  if (!text) return undefined;
  if (part.part_type === 'note') return { role: 'internal', text };
  return { role: CUSTOMER.has(String(author(part).type)) ? 'customer' : 'agent', text };
}

/**
 * Signs it needed a person: a bot answered and then an admin had to (`escalated`), it was assigned more
 * than once (`reassigned`), or it was reopened (`reopened`, also from `statistics.count_reopens`).
 */
function evidence(source: Rec, parts: Rec[], stats: Rec): HumanEvidence[] {
  const out: HumanEvidence[] = [];
  const authors = [source, ...parts].filter((p) => p.part_type !== 'note' && str(p.body)).map((p) => String(author(p).type));
  const bot = authors.indexOf('bot');
  if (bot >= 0 && authors.indexOf('admin', bot) > bot) out.push('escalated');
  if (parts.filter((p) => ASSIGNMENT.has(String(p.part_type))).length > 1 || Number(stats.count_reassignments ?? 0) > 0) out.push('reassigned');
  const closed = parts.findIndex((p) => p.part_type === 'close');
  if (Number(stats.count_reopens ?? 0) > 0 || (closed >= 0 && parts.slice(closed).some((p) => REOPEN.has(String(p.part_type))))) out.push('reopened');
  return out;
}

/** Topic from the first tag (or Intercom's `topics`), the team as category; HTML bodies become text. */
export function fromIntercom(rec: Rec): HelpdeskTicket {
  const source = (rec.source as Rec | undefined) ?? {};
  const parts = list(rec.conversation_parts, 'conversation_parts');
  const turns = [source, ...parts].map(turnOf).filter((t): t is KnowledgeTurn => t !== undefined);
  const tags = list(rec.tags, 'tags').map((t) => String(t.name ?? '')).filter(Boolean);
  const topics = list(rec.topics, 'topics').map((t) => String(t.name ?? '')).filter(Boolean);
  const people = [source, ...parts].map(author);
  const state = str(rec.state) ?? (rec.open === false ? 'closed' : rec.open === true ? 'open' : undefined);
  const custom = (rec.custom_attributes as Rec | undefined) ?? {};
  return {
    turns,
    tags,
    evidence: evidence(source, parts, (rec.statistics as Rec | undefined) ?? {}),
    names: people.flatMap((a) => [str(a.name), str(a.email)]).filter((n): n is string => n !== undefined),
    ...defined({
      id: str(rec.id),
      status: state,
      subject: str(rec.title) ?? str(source.subject),
      category: str(custom.category) ?? str(custom.Category),
      topic: topics[0] ?? topicTag(tags),
    }),
  };
}
