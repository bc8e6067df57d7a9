import type { RiskTier } from '../../core/model/decision.js';
import type { HumanEvidence, KnowledgeTurn } from '../../core/ports/knowledge.js';
import type { HelpdeskTicket } from './helpdesk-ticket.js';
import { plainText } from './html-text.js';

type Rec = Record<string, unknown>;

/** Field names of plain JSON/JSONL/CSV records (and what `--map` maps columns to). */
const FIELDS = {
  id: ['id', 'ticket_id', 'conversation_id', 'external_id'],
  messages: ['messages', 'turns', 'comments', 'conversation', 'conversations', 'conversation_parts', 'thread', 'threads'],
  question: ['question', 'subject', 'title', 'description', 'customer_message', 'query'],
  answer: ['answer', 'resolution', 'solution', 'agent_reply', 'response'],
  account: ['account', 'account_id', 'organization', 'organization_id', 'company', 'company_id'],
  status: ['status', 'state'],
  tags: ['tags', 'labels'],
  category: ['category', 'ticket_type'],
  topic: ['topic', 'intent'],
  risk: ['risk', 'risk_tier'],
  purpose: ['purpose'],
} as const;

const CUSTOMER_ROLES = new Set(['customer', 'user', 'end-user', 'end_user', 'enduser', 'requester', 'contact', 'lead', 'visitor']);
const YES = new Set(['1', 'true', 'yes', 'y', 'x']);

export function pick(rec: Rec, names: readonly string[]): unknown {
  for (const n of names) if (rec[n] !== undefined && rec[n] !== null && rec[n] !== '') return rec[n];
  return undefined;
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v.trim() || undefined : typeof v === 'number' ? String(v) : undefined);

export function tagsOf(v: unknown): string[] {
  if (Array.isArray(v)) return v.map((t) => String(t).trim()).filter(Boolean);
  return typeof v === 'string' ? v.split(/[,;|]/).map((t) => t.trim()).filter(Boolean) : [];
}

const yes = (v: unknown) => v === true || (typeof v === 'number' && v > 0) || YES.has(String(v ?? '').trim().toLowerCase()) || Number(v) > 0;

/** Whether a message or record is marked as a note for the team by its own field (Zendesk, Freshdesk, Intercom, Help Scout). */
function isNote(r: Rec): boolean {
  const says = (field: string) => ['note', 'internal', 'private'].includes(str(r[field])?.toLowerCase() ?? '');
  return r.public === false || r.private === true || r.internal === true || says('type') || says('part_type') || says('visibility');
}

/**
 * The record with its keys also under their plain spelling: exports head their columns "Question" or
 * "Ticket Type" where the field names are `question` and `ticket_type`. A key already plain wins.
 */
function withPlainKeys(rec: Rec): Rec {
  const plain: Rec = {};
  for (const [key, value] of Object.entries(rec)) plain[key.trim().toLowerCase().replace(/[\s-]+/g, '_')] = value;
  return { ...plain, ...rec };
}

/** One message of a thread: who wrote it (customer, agent or internal note) and its text. */
function turnOf(m: unknown): KnowledgeTurn | undefined {
  if (typeof m === 'string') return { role: 'customer', text: m };
  if (!m || typeof m !== 'object') return undefined;
  const r = withPlainKeys(m as Rec);
  const raw = str(pick(r, ['text', 'body_text', 'plain_body', 'body', 'content', 'message']));
  const text = raw && plainText(raw);
  if (!text) return undefined;
  if (isNote(r)) return { role: 'internal', text };
  const who = str(pick(r, ['from', 'role', 'author_role', 'author_type', 'sender', 'type']))?.toLowerCase();
  const customer = r.incoming === true || (who !== undefined && CUSTOMER_ROLES.has(who));
  return { role: who === 'note' || who === 'internal' ? 'internal' : customer ? 'customer' : 'agent', text };
}

/** `answer` (written for customers) or `history`; anything else says nothing. */
function purpose(v: unknown): 'answer' | 'history' | undefined {
  const s = str(v)?.toLowerCase();
  return s === 'answer' || s === 'history' ? s : undefined;
}

function risk(v: unknown): RiskTier | undefined {
  const s = str(v)?.toLowerCase();
  return s === 'low' || s === 'medium' || s === 'high' ? s : undefined;
}

/** Outcome columns of a plain record (or mapped with `--map`): each true one is a sign the conversation needed a person. */
function evidenceOf(rec: Rec): HumanEvidence[] {
  const out: HumanEvidence[] = [];
  if (yes(rec.escalated)) out.push('escalated');
  if (yes(rec.reassigned)) out.push('reassigned');
  if (yes(rec.reopened)) out.push('reopened');
  if (yes(rec.needs_human)) out.push('flagged');
  return out;
}

/** A plain record (one JSON object or CSV row, already through `--map` when given) as a ticket. */
export function fromHelpdeskRecord(record: Rec): HelpdeskTicket {
  const rec = withPlainKeys(record);
  const raw = pick(rec, FIELDS.messages);
  const turns = Array.isArray(raw) ? raw.map(turnOf).filter((t): t is KnowledgeTurn => t !== undefined) : [];
  const q = str(pick(rec, FIELDS.question));
  const a = str(pick(rec, FIELDS.answer));
  return {
    turns,
    tags: tagsOf(pick(rec, FIELDS.tags)),
    evidence: evidenceOf(rec),
    names: [],
    ...defined({
      id: str(pick(rec, FIELDS.id)),
      status: str(pick(rec, FIELDS.status)),
      subject: q,
      question: q && plainText(q),
      answer: a && plainText(a),
      account: str(pick(rec, FIELDS.account)),
      category: str(pick(rec, FIELDS.category)),
      topic: str(pick(rec, FIELDS.topic)),
      risk: risk(pick(rec, FIELDS.risk)),
      // A record marked as a note for the team is never written for customers, whatever --answers says.
      purpose: isNote(rec) ? 'history' : purpose(pick(rec, FIELDS.purpose)),
    }),
  };
}

/** The object without its undefined values (exactOptionalPropertyTypes). */
export function defined<T extends object>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}
