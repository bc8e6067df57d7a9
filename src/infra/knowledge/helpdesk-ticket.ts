import { createHash } from 'node:crypto';
import type { RiskTier } from '../../core/model/decision.js';
import type { HumanEvidence, KnowledgeEntry, KnowledgeTurn } from '../../core/ports/knowledge.js';
import { cleanResolution } from '../../core/suggest/clean-resolution.js';
import { conversationRedactor } from './redact-quoted.js';
import { resolvingTurns, substance } from './resolving-turns.js';

/** What an export referred to but did not include (see `HelpdeskTicket.unresolved`). */
export type Unresolved = 'account' | 'people' | 'category';

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
  /** The format that read it (`zendesk`, `intercom`...): ids are namespaced by it. Absent for plain records. */
  source?: string;
  /** A plain record's own say on what it is (its `purpose` field): `answer` for a Q&A the team wrote for customers. */
  purpose?: 'answer' | 'history';
  /** Emails of the conversation's customer: their domain finds the account when the record names none. */
  customerEmails?: string[];
  /**
   * What the export referred to but did not include: the organization (`account`), the group
   * (`category`) or the people (`people`: authors missing from its users file). A re-import keeps what
   * an earlier import resolved.
   */
  unresolved?: Unresolved[];
}

/** How records become entries: what the team said of the file, and where accounts are found. */
export interface ConvertOptions {
  /** `--answers`: the file's question/answer records were written for customers. Conversations stay history. */
  answers?: boolean;
  /** Email domain (lower-case) -> account id, from the policy's `accounts[].email_domains`. */
  domainAccounts?: ReadonlyMap<string, string>;
  /** The vendor's own addresses (`vendor.support_addresses`): kept in text, never redacted. */
  keep?: readonly string[];
  /** Phone regions (ISO codes) of an account's people and the vendor's, tried first for national numbers. */
  phoneRegions?: (account: string | undefined) => readonly string[];
  /** Name words of everyone the export's user and organization lists carry (`Sideloads.nameWords`). */
  knownNames?: ReadonlySet<string>;
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
 * The record's id, namespaced by the helpdesk that read it: after a migration Zendesk's ticket 20 and
 * Freshdesk's ticket 20 are two conversations. Slack's ids carry their namespace already.
 */
function idOf(t: HelpdeskTicket, fileName: string, question: string): string {
  if (t.id === undefined) return contentId(fileName, question);
  return t.source && !t.id.startsWith(`${t.source}:`) ? `${t.source}:${t.id}` : t.id;
}

/** The account a customer's email domain maps to, when the record names no organization. */
function accountByDomain(emails: readonly string[] | undefined, domains: ReadonlyMap<string, string> | undefined): string | undefined {
  for (const email of emails ?? []) {
    const hit = domains?.get(email.slice(email.lastIndexOf('@') + 1).toLowerCase());
    if (hit) return hit;
  }
  return undefined;
}

/**
 * What an entry is for. A thread is history whatever anyone says; a question with an answer is an
 * answer only when the team said so (`--answers`, or the record's own `purpose`); never by guess.
 */
function purposeOf(t: HelpdeskTicket, answer: string | undefined, opts: ConvertOptions): 'answer' | 'history' {
  if (t.turns.length > 0 || !answer) return 'history';
  return t.purpose ?? (opts.answers ? 'answer' : 'history');
}

/**
 * Converts a ticket. Customers' turns form the question retrieval matches; only the agents' resolving
 * turns are kept as the answer, redacted. The title never quotes the conversation: it names its topic.
 */
export function toEntry(t: HelpdeskTicket, fileName: string, opts: ConvertOptions = {}): Converted {
  const status = t.status?.toLowerCase();
  if (status !== undefined && !RESOLVED.has(status)) return { skipped: `not resolved (status "${status}")` };
  const resolution = resolvingTurns(t.turns);
  // The customer's words up to the resolution: their thanks afterwards would only blur the match.
  const end = resolution[0]?.at ?? t.turns.length;
  const customer = t.turns.slice(0, end).filter((x) => x.role === 'customer').map((x) => x.text);
  const rawQuestion = customer.length > 0 ? customer.join('\n') : t.question ?? t.subject ?? '';
  if (rawQuestion.trim() === '') return { skipped: 'no customer question' };
  const account = t.account ?? accountByDomain(t.customerEmails, opts.domainAccounts);
  // The customer organization's own name is theirs too: "updated the address for Acme Corp".
  const clean = conversationRedactor(account ? [...t.names, account] : t.names, rawQuestion, { keep: opts.keep, known: opts.knownNames, regions: opts.phoneRegions?.(account), customerEmails: t.customerEmails });
  // A record's own answer is cleaned as a thread's resolving turn is (an email reply's quote, greeting and signature go),
  // and both as kb suggest cleans a resolution: courtesy, the helpdesk's macros, Cc: lines and notes between colleagues go.
  const answer = substance(cleanResolution(t.answer ?? resolution.map((r) => r.text).join('\n\n'))) || undefined;
  const tags = [...new Set(t.tags.map((x) => x.toLowerCase()))];
  const evidence = new Set(t.evidence);
  if (tags.some((x) => FLAG_TAGS.test(x))) evidence.add('flagged');
  // A tag can name the organization or a person ("initech_renewal"): the title customers may read is redacted as the text is.
  const shown = label(t.topic) ?? label(t.category);
  const title = shown && clean(shown);
  const entry: KnowledgeEntry = {
    id: idOf(t, fileName, rawQuestion),
    kind: answer || t.turns.length > 0 ? 'conversation' : 'example',
    purpose: purposeOf(t, answer, opts),
    question: clean(rawQuestion),
    ...(answer ? { answer: clean(answer) } : {}),
    ...(account ? { account } : {}),
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
