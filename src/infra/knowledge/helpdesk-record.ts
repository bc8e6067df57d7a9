import type { RiskTier } from '../../core/model/decision.js';
import type { KnowledgeEntry, KnowledgeTurn } from '../../core/ports/knowledge.js';

/** A record of a helpdesk export turned into an entry, or the reason it was left out. */
export type Converted = { entry: KnowledgeEntry } | { skipped: string };

type Rec = Record<string, unknown>;

/** Field names used by the common helpdesk exports (Zendesk, Freshdesk, Intercom, Help Scout) and plain CSVs. */
const FIELDS = {
  id: ['id', 'ticket_id', 'conversation_id', 'external_id'],
  messages: ['messages', 'turns', 'comments', 'conversation', 'conversations', 'conversation_parts', 'thread', 'threads'],
  question: ['question', 'subject', 'title', 'description', 'customer_message', 'query'],
  answer: ['answer', 'resolution', 'solution', 'agent_reply', 'response'],
  account: ['account', 'account_id', 'organization', 'organization_id', 'company', 'company_id'],
  status: ['status', 'state'],
  tags: ['tags', 'labels'],
  category: ['category', 'type', 'ticket_type'],
  topic: ['topic', 'intent'],
  risk: ['risk', 'risk_tier'],
} as const;

const RESOLVED = new Set(['solved', 'resolved', 'closed', 'done', 'completed']);
const NEEDS_HUMAN_TAGS = new Set(['needs-human', 'needs_human', 'escalated', 'handoff', 'handed-off']);
const CUSTOMER_ROLES = new Set(['customer', 'user', 'end-user', 'end_user', 'enduser', 'requester', 'contact', 'lead', 'visitor']);

function pick(rec: Rec, names: readonly string[]): unknown {
  for (const n of names) if (rec[n] !== undefined && rec[n] !== null && rec[n] !== '') return rec[n];
  return undefined;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v.trim() || undefined : typeof v === 'number' ? String(v) : undefined);

function tagsOf(v: unknown): string[] {
  if (Array.isArray(v)) return v.map((t) => String(t).trim()).filter(Boolean);
  return typeof v === 'string' ? v.split(/[,;|]/).map((t) => t.trim()).filter(Boolean) : [];
}

/** One message of a thread: who wrote it (customer, agent or internal note) and its text. */
function turnOf(m: unknown): KnowledgeTurn | undefined {
  if (typeof m === 'string') return { role: 'customer', text: m };
  if (!m || typeof m !== 'object') return undefined;
  const r = m as Rec;
  const text = str(pick(r, ['text', 'body', 'body_text', 'plain_body', 'content', 'message']));
  if (!text) return undefined;
  if (r.public === false || r.private === true || r.internal === true || r.part_type === 'note') return { role: 'internal', text };
  const who = str(pick(r, ['from', 'role', 'author_role', 'author_type', 'sender', 'type']))?.toLowerCase();
  const customer = r.incoming === true || (who !== undefined && CUSTOMER_ROLES.has(who));
  return { role: who === 'note' || who === 'internal' ? 'internal' : customer ? 'customer' : 'agent', text };
}

function risk(v: unknown): RiskTier | undefined {
  const s = str(v)?.toLowerCase();
  return s === 'low' || s === 'medium' || s === 'high' ? s : undefined;
}

/**
 * Converts one exported record. A thread keeps every turn; customers' turns form the question and the
 * agents' public replies the answer. A record with a status must be resolved; question-only records
 * (tagged past questions) teach triage without ever being quoted.
 */
export function fromHelpdeskRecord(rec: Rec, fallbackId: string): Converted {
  const status = str(pick(rec, FIELDS.status))?.toLowerCase();
  if (status !== undefined && !RESOLVED.has(status)) return { skipped: `not resolved (status "${status}")` };
  const raw = pick(rec, FIELDS.messages);
  const turns = Array.isArray(raw) ? raw.map(turnOf).filter((t): t is KnowledgeTurn => t !== undefined) : [];
  const subject = str(pick(rec, FIELDS.question));
  const customer = turns.filter((t) => t.role === 'customer').map((t) => t.text);
  const question = (customer.length > 0 ? customer.join('\n') : subject) ?? '';
  if (question === '') return { skipped: 'no customer question' };
  const agentReplies = turns.filter((t) => t.role === 'agent').map((t) => t.text);
  const answer = str(pick(rec, FIELDS.answer)) ?? (agentReplies.length > 0 ? agentReplies.join('\n\n') : undefined);
  const tags = tagsOf(pick(rec, FIELDS.tags));
  const needsHuman = rec.needs_human === true || rec.escalated === true || tags.some((t) => NEEDS_HUMAN_TAGS.has(t.toLowerCase()));
  const entry: KnowledgeEntry = {
    id: str(pick(rec, FIELDS.id)) ?? fallbackId,
    kind: answer || turns.length > 0 ? 'conversation' : 'example',
    question,
    ...(answer ? { answer } : {}),
    ...(turns.length > 0 ? { turns } : {}),
    ...optional('account', str(pick(rec, FIELDS.account))),
    ...optional('category', str(pick(rec, FIELDS.category))),
    ...optional('topic', str(pick(rec, FIELDS.topic))),
    ...optional('risk', risk(pick(rec, FIELDS.risk))),
    ...(needsHuman ? { needsHuman: true } : {}),
    ...optional('title', subject && customer.length > 0 ? subject : undefined),
    // No url: a ticket's url is the helpdesk's own (often its API), and customers would see it as the answer's source.
  };
  return { entry };
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}
