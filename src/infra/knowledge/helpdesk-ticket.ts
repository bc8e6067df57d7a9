import { createHash } from 'node:crypto';
import type { RiskTier } from '../../core/model/decision.js';
import type { HumanEvidence, KnowledgeEntry, KnowledgeTurn } from '../../core/ports/knowledge.js';
import { conversationRedactor } from './redact-quoted.js';
import { resolvingTurns } from './resolving-turns.js';

/** One past conversation as every format's reader hands it over, before it becomes a KB entry. */
export interface HelpdeskTicket {
  id?: string;
  /** The helpdesk's status; when present it must say the conversation was resolved. */
  status?: string;
  subject?: string;
  /** The thread in order, roles told apart by the format's own fields. */
  turns: KnowledgeTurn[];
  /** A question or resolution given as a field rather than a thread (CSV rows, Q/A pairs). */
  question?: string;
  answer?: string;
  /** The customer organization the conversation belongs to. */
  account?: string;
  category?: string;
  topic?: string;
  risk?: RiskTier;
  tags: string[];
  evidence: HumanEvidence[];
  /** Names of the people in the conversation: taken out of everything stored. */
  names: string[];
}

/** A record turned into an entry, or the reason it was left out. */
export type Converted = { entry: KnowledgeEntry } | { skipped: string };

const RESOLVED = new Set(['solved', 'resolved', 'closed', 'done', 'completed', 'archived']);
/** Tags with which helpdesks and teams mark a conversation that needed a person. */
export const FLAG_TAGS = /^(needs[-_ ]?human|escalat(ed|ion)|handoff|handed[-_ ]off|tier[-_ ]?[2-3]|l[23]|second[-_ ]line)$/;

/** The first tag that names a subject rather than an outcome: the topic helpdesks without a topic field give. */
export function topicTag(tags: readonly string[]): string | undefined {
  return tags.find((t) => !FLAG_TAGS.test(t.toLowerCase()));
}

/** Readable label of a topic or category ("card_arrival" -> "Card arrival"), the only title a resolution gets. */
function label(s: string | undefined): string | undefined {
  if (!s) return undefined;
  const words = s.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** An id for a record that has none: stable across re-imports of the file, wherever it lies. */
function contentId(file: string, question: string): string {
  return `${file}#${createHash('sha1').update(question).digest('hex').slice(0, 12)}`;
}

/**
 * Converts a ticket. Customers' turns form the question retrieval matches; only the agents' resolving
 * turns are kept as the answer, redacted. The title never quotes the conversation: it names its topic.
 */
export function toEntry(t: HelpdeskTicket, fileName: string): Converted {
  const status = t.status?.toLowerCase();
  if (status !== undefined && !RESOLVED.has(status)) return { skipped: `not resolved (status "${status}")` };
  const resolution = resolvingTurns(t.turns);
  // The customer's words up to the resolution: their thanks afterwards would only blur the match.
  const end = resolution[0]?.at ?? t.turns.length;
  const customer = t.turns.slice(0, end).filter((x) => x.role === 'customer').map((x) => x.text);
  const rawQuestion = customer.length > 0 ? customer.join('\n') : t.question ?? t.subject ?? '';
  if (rawQuestion.trim() === '') return { skipped: 'no customer question' };
  // The customer organization's own name is theirs too: "updated the address for Acme Corp".
  const clean = conversationRedactor(t.account ? [...t.names, t.account] : t.names, rawQuestion);
  const answer = t.answer ?? (resolution.map((r) => r.text).join('\n\n') || undefined);
  const tags = [...new Set(t.tags.map((x) => x.toLowerCase()))];
  const evidence = new Set(t.evidence);
  if (tags.some((x) => FLAG_TAGS.test(x))) evidence.add('flagged');
  const title = label(t.topic) ?? label(t.category);
  const entry: KnowledgeEntry = {
    id: t.id ?? contentId(fileName, rawQuestion),
    kind: answer || t.turns.length > 0 ? 'conversation' : 'example',
    question: clean(rawQuestion),
    ...(answer ? { answer: clean(answer) } : {}),
    ...(t.account ? { account: t.account } : {}),
    ...(t.category ? { category: t.category } : {}),
    ...(t.topic ? { topic: t.topic } : {}),
    ...(t.risk ? { risk: t.risk } : {}),
    ...(evidence.size > 0 ? { needsHuman: true, needsHumanBecause: [...evidence].sort() } : {}),
    ...(tags.length > 0 ? { tags } : {}),
    ...(answer ? { title: title ?? 'An earlier resolved question' } : title ? { title } : {}),
    // No url: a ticket's url is the helpdesk's own (often its API), and customers would see it as the answer's source.
  };
  return { entry };
}
