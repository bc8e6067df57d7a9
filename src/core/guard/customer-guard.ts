import { redact } from '../feedback/redact.js';
import type { Turn } from '../model/message.js';
import type { KnowledgeEntry } from '../ports/knowledge.js';
import { actionClaims } from './action-claims.js';
import { personNames } from './person-names.js';
import { opensQuote } from './quoted-email.js';
import { teamRemark } from './team-remarks.js';

export interface GuardContext {
  /** The asker's account: its own name and id may be said back to it. */
  accountId: string;
  /** Every account the policy knows: any other's name or id is another customer's detail. */
  accounts: readonly { id: string; name: string }[];
  /** The conversation so far: what the team said it did here (a staff turn) is theirs to stand by. */
  history: readonly Turn[];
  /** The knowledge the text was drawn from: its internal notes stay with the team. */
  sources: readonly KnowledgeEntry[];
}

export type GuardVerdict = { ok: true } | { ok: false; reasons: string[] };

/** Words an internal note shares with a text before that text counts as quoting it. */
const NOTE_RUN = 6;
/** What redaction puts where it took something out. */
const PLACEHOLDER = /\[(EMAIL|PHONE|IBAN|CARD|SECRET|ADDRESS|URL|NAME|ID)\]/g;

const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Text the vendor wrote for every customer (a doc section): what it says of itself is no one's detail. */
function vendorWritten(line: string, sources: readonly KnowledgeEntry[]): boolean {
  const squashed = line.replace(/\s+/g, ' ').trim();
  return squashed !== '' && sources.some((s) => s.kind === 'doc' && (s.answer ?? '').replace(/\s+/g, ' ').includes(squashed));
}

/** Lines of the text a check flags, less those copied from the vendor's own docs. */
function flaggedLines(text: string, sources: readonly KnowledgeEntry[], flags: (line: string) => boolean): string[] {
  return text.split('\n').filter((line) => flags(line) && !vendorWritten(line, sources));
}

function claimsNotMade(text: string, ctx: GuardContext): string[] {
  const done = new Set(ctx.history.filter((t) => t.role === 'staff').flatMap((t) => actionClaims(t.text).map((c) => c.verb)));
  const lines = flaggedLines(text, ctx.sources, (line) => actionClaims(line).some((c) => !done.has(c.verb)));
  const phrases = lines.flatMap((line) => actionClaims(line).filter((c) => !done.has(c.verb)).map((c) => `"${c.phrase}"`));
  return phrases.length > 0 ? [`claims an action nobody took in this conversation (${[...new Set(phrases)].join(', ')})`] : [];
}

function personalData(text: string, ctx: GuardContext): string[] {
  const found = new Set<string>();
  const taken = (before: string, after: string) => {
    // What redaction put in place of what it found, less what the text already had in its place.
    const counts = (s: string) => [...s.matchAll(PLACEHOLDER)].reduce((m, x) => m.set(x[1]!, (m.get(x[1]!) ?? 0) + 1), new Map<string, number>());
    const was = counts(before);
    for (const [kind, n] of counts(after)) if (n > (was.get(kind) ?? 0)) found.add(kind.toLowerCase());
  };
  const redacted = new Map<string, string>();
  const redactOnce = (s: string) => redacted.get(s) ?? redacted.set(s, redact(s)).get(s)!;
  for (const line of flaggedLines(text, ctx.sources, (l) => redactOnce(l) !== l)) taken(line, redactOnce(line));
  // Redaction can span lines (a sign-off and the name under it): the whole text is read too.
  if (found.size === 0 && redactOnce(text) !== text && !vendorWritten(text, ctx.sources)) taken(text, redactOnce(text));
  return found.size > 0 ? [`carries personal data (${[...found].join(', ')})`] : [];
}

/** What redaction puts for a person or organization and for a ticket, order or invoice reference. */
const PARTICULAR = /\[(?:NAME|ID)\]/;

/**
 * A name or reference that redaction took out of imported text ("For [NAME] we enabled…", "on invoice
 * [ID]"): the text is about one customer's case, whoever's it was, and says nothing true to another.
 */
function oneCustomersCase(text: string, ctx: GuardContext): string[] {
  return flaggedLines(text, ctx.sources, (line) => PARTICULAR.test(line)).length > 0 ? ["refers to one customer's case (a name or reference redaction took out)"] : [];
}

/** A file sent with the email the text was written as: "see the attached guide", "please find attached", "I've attached". */
const ATTACHED =
  /\b(?:see|find|open|check|in)\s+(?:the\s+)?attached\b|\b(?:I|we)(?:['’]ve| have)?\s+attached\b|\battached (?:is|are|you['’]ll find)\b|\b(?:the|this) attached (?:file|guide|screenshot|invoice|document|pdf|report|log|csv|spreadsheet)\b/i;

/** A text that points to a file attached to the conversation it was written in: the file (its name often a customer's) is theirs. */
function attachedFile(text: string, ctx: GuardContext): string[] {
  return flaggedLines(text, ctx.sources, (line) => ATTACHED.test(line)).length > 0 ? ['points to a file attached to another conversation'] : [];
}

/**
 * People the text names that this conversation did not: a name the redaction had no list for (a Q&A
 * answer's "invoices now go to Åsa Lindqvist") is another customer's, whoever they are.
 */
function peopleNamed(text: string, ctx: GuardContext): string[] {
  // Accounts are organizations, not people: another's name is otherAccounts' finding, the asker's own theirs to hear.
  const said = ` ${[...ctx.history.flatMap((t) => [t.text, t.authorName ?? '']), ...ctx.accounts.map((a) => a.name)].flatMap(words).join(' ')} `;
  const lines = flaggedLines(text, ctx.sources, (line) => personNames(line).length > 0);
  // A name the vendor's docs among the sources use is the vendor's vocabulary (a product's, a brand's), not a stranger's.
  const vendors = ` ${ctx.sources.filter((s) => s.kind === 'doc').flatMap((s) => words(`${s.question} ${s.answer ?? ''}`)).join(' ')} `;
  const strangers = lines.flatMap(personNames).filter((name) => !words(name).some((w) => said.includes(` ${w} `) || vendors.includes(` ${w} `)));
  return strangers.length > 0 ? [`names a person (${[...new Set(strangers)].join(', ')})`] : [];
}

function otherAccounts(text: string, ctx: GuardContext): string[] {
  const others = ctx.accounts.filter((a) => a.id !== ctx.accountId);
  const named = others.filter((a) => [a.id, a.name].some((n) => n.trim().length >= 3 && new RegExp(`(?<![\\p{L}\\p{N}])${literal(n.trim())}(?![\\p{L}\\p{N}])`, 'iu').test(text)));
  const foreign = ctx.sources.filter((s) => s.account !== undefined && s.account !== ctx.accountId);
  return [
    ...(named.length > 0 ? [`names another account (${named.map((a) => a.id).join(', ')})`] : []),
    ...(foreign.length > 0 ? [`drawn from another account's knowledge (${foreign.map((s) => s.id).join(', ')})`] : []),
  ];
}

/** Runs of NOTE_RUN words of the sources' internal notes found in the text, or a remark written for the team (team-remarks.ts) outside the vendor's docs. */
function internalNotes(text: string, ctx: GuardContext): string[] {
  const said = ` ${words(text).join(' ')} `;
  const notes = ctx.sources.flatMap((s) => (s.turns ?? []).filter((t) => t.role === 'internal').map((t) => words(t.text)));
  const quoted = notes.some((w) => w.some((_, i) => i + NOTE_RUN <= w.length && said.includes(` ${w.slice(i, i + NOTE_RUN).join(' ')} `)));
  return quoted || flaggedLines(text, ctx.sources, teamRemark).length > 0 || (teamRemark(text) && !vendorWritten(text, ctx.sources)) ? ['carries internal-note text'] : [];
}

/** An email it quotes or forwards (quoted-email.ts): what follows is another person's words. */
function quotedEmail(text: string, ctx: GuardContext): string[] {
  const lines = text.split('\n');
  return lines.some((line, i) => opensQuote(lines, i) && !vendorWritten(line, ctx.sources)) ? ['quotes an earlier email'] : [];
}

/**
 * The last look at a text before it reaches a customer, whatever drafted it (a quoted answer, a model's
 * draft, an approved answer): it must claim no action the team did not take in this conversation, carry
 * no personal data, name no person this conversation did not, no other account's name, id or knowledge, no internal
 * note and no email it quotes. Each finding is a
 * reason a lead can read; any finding stops the text.
 */
export function guardCustomerText(text: string, ctx: GuardContext): GuardVerdict {
  const reasons = [...claimsNotMade(text, ctx), ...personalData(text, ctx), ...peopleNamed(text, ctx), ...oneCustomersCase(text, ctx), ...attachedFile(text, ctx), ...otherAccounts(text, ctx), ...internalNotes(text, ctx), ...quotedEmail(text, ctx)];
  return reasons.length === 0 ? { ok: true } : { ok: false, reasons };
}

/** The findings whose parentheses quote the stopped text (its claim, its names, the sources it drew on). */
const QUOTING_FINDING = /(claims an action nobody took in this conversation|names a person|names another account|drawn from another account's knowledge) \((?:[^()]|\([^()]*\))*\)/g;

/**
 * A text that reports the guard's findings (a decision's rule), without what they quote: for a view a
 * customer may read beside their message (the playground's Why?), where the stopped text's claim, names
 * and sources would show what the guard kept from them. The packet keeps the findings whole.
 */
export function findingsUnquoted(text: string): string {
  return text.replace(QUOTING_FINDING, '$1');
}

