import { createRequire } from 'node:module';
import type * as Chrono from 'chrono-node';
import { nlp } from '../guard/english.js';
import { actionClaims } from '../guard/action-claims.js';

/** Why a span likely belongs to the one ticket it was written for. */
export type MarkKind = 'action' | 'amount' | 'date' | 'name' | 'id' | 'organization' | 'redacted';

export interface Mark {
  kind: MarkKind;
  start: number;
  end: number;
  text: string;
}

export interface MarkContext {
  /** People the history knows by name (users of the exports). */
  names?: readonly string[];
  /** Organizations known by name (the policy's accounts), marked wherever they appear. */
  organizations?: readonly string[];
}

/** The rest of a clause: up to . ; ! ? or a line end (a dot inside a number or a word does not end it). */
const CLAUSE_REST = String.raw`(?:[^.;!?\n]|\.(?=\w))*`;
/** Past forms that do not end in -ed, for first-person claims ("I sent", "we've made"). */
const IRREGULAR_PAST = 'sent|made|set|put|taken|took|done|did|run|ran|gave|given|paid|kept|left|got|gotten|written|wrote|built|rebuilt|split|reset|shut|spoken|spoke|told|found|brought|begun|began|undone|redone|withdrawn|frozen|bound|caught';
/**
 * A first-person claim of an action taken (or promised) for this customer: "I've refunded", "we have
 * cancelled", "I went ahead and reset", "I'll schedule", to the end of its clause.
 */
const FIRST_PERSON_ACTION = new RegExp(
  `\\b(?:I|we)(?:'ve|'ll| have| had| will| am going to| are going to|'m going to|'re going to)?(?: (?:just|already|also|now|personally|manually|gone ahead and|went ahead and))*\\s+(?:(?<=(?:'ll|will|going to)\\s+)[a-z]+|[a-z]+ed|${IRREGULAR_PAST})\\b${CLAUSE_REST}`,
  'gi',
);
/** A passive report of the same: "your refund has been issued", "the key was revoked". */
const PASSIVE_ACTION = new RegExp(`\\b(?:has|have|had|was|were) (?:now |just |already )?been (?:[a-z]+ed|${IRREGULAR_PAST})\\b${CLAUSE_REST}`, 'gi');

const CURRENCY = String.raw`(?:[$€£¥₹]|\b(?:EUR|USD|GBP|CHF|JPY|CAD|AUD|SEK|NOK|DKK|PLN|INR)\b)`;
const AMOUNT = new RegExp(`${CURRENCY}\\s?\\d[\\d,.' ]*\\d|\\b\\d[\\d,.']*\\s?${CURRENCY}`, 'g');

/** Ids, references and keys: a token mixing letters and digits, a UUID, a #number, a long number. */
const IDS = [/\b(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)+\b/g, /\b(?=[A-Za-z]*\d)(?=\d*[A-Za-z])[A-Za-z0-9]{6,}\b/g, /#\d{3,}\b/g, /\b\d{5,}\b/g];
/** What redaction left in place of personal data: the sentence was about one person. */
const PLACEHOLDER = /\[(?:EMAIL|PHONE|IBAN|CARD|URL|ADDRESS|SECRET|NAME|REF|ID|VAT)[A-Z_]*\]/g;
/** A company by its legal form ("Globex GmbH", "Initech Ltd."). */
const LEGAL_NAME = /\b(?:[A-Z][\w&'-]*\s){1,3}(?:GmbH|AG|Ltd\.?|Limited|LLC|Inc\.?|Corp\.?|Corporation|S\.?A\.?|SAS|SARL|B\.?V\.?|N\.?V\.?|plc|PLC|Oy|AB|ApS|S\.?r\.?l\.?|S\.?p\.?A\.?|Pty)(?![\w])/g;

const all = (text: string, pattern: RegExp, kind: MarkKind): Mark[] => [...text.matchAll(pattern)].map((m) => ({ kind, start: m.index, end: m.index + m[0].trimEnd().length, text: m[0].trimEnd() }));

function literal(text: string, phrases: readonly string[], kind: MarkKind): Mark[] {
  const escaped = phrases.filter((p) => p.trim().length > 1).map((p) => p.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return escaped.length === 0 ? [] : all(text, new RegExp(`\\b(?:${escaped.join('|')})\\b`, 'gi'), kind);
}

/** The verb that ends a claim's words, with its auxiliaries: "was applied", "has issued". */
const CLAIM_VERB = /(?:\b(?:has|have|had|was|were|is|are)\b(?:\s+(?:now|just|already|been))*\s+)?\S+$/i;

/**
 * What the last guard would stop as a claim of an action done ("a credit was applied", "our billing team
 * has issued"), from its verb to the end of its clause (the subject keeps its own marks): a reviewer sees
 * it marked before approving.
 */
function claims(text: string): Mark[] {
  return actionClaims(text).flatMap((c) => {
    const at = text.indexOf(c.phrase);
    if (at < 0) return [];
    const start = at + CLAIM_VERB.exec(c.phrase)!.index;
    const rest = new RegExp(`^${CLAUSE_REST}`).exec(text.slice(at + c.phrase.length))![0];
    const span = text.slice(start, at + c.phrase.length + rest.length).trimEnd();
    return [{ kind: 'action' as const, start, end: start + span.length, text: span }];
  });
}

/** The date parser, loaded on first use (its CommonJS build, so marking stays synchronous): no start needs it. */
let chrono: typeof Chrono | undefined;

/** Dates and times of one event ("on 30 November 2025", "10:42 UTC"); durations ("within 3 days") are general. */
function dates(text: string): Mark[] {
  chrono ??= createRequire(import.meta.url)('chrono-node') as typeof Chrono;
  return chrono.strict
    .parse(text)
    .filter((r) => !/^(within|in|for|after)\s/i.test(r.text))
    .map((r) => ({ kind: 'date' as const, start: r.index, end: r.index + r.text.length, text: r.text }));
}

/** People and organizations a language model of English recognises in running text. */
function namedEntities(text: string): Mark[] {
  const doc = nlp(text);
  const found = (list: string[], kind: MarkKind) => literal(text, list.map((s) => s.replace(/[,.;:!?]+$/, '')), kind);
  return [...found(doc.people().out('array') as string[], 'name'), ...found(doc.organizations().out('array') as string[], 'organization')];
}

/** Kept in this order when spans overlap: a claim covers its whole clause, amounts and dates in it included. */
const PRIORITY: MarkKind[] = ['action', 'redacted', 'amount', 'date', 'organization', 'name', 'id'];

/**
 * The spans of a proposed answer that likely belong to the one ticket it came from: action claims,
 * amounts, dates, names, ids, organizations, and redaction placeholders. Spans do not overlap; where two
 * would, the earlier kind in PRIORITY wins. Sorted by position.
 */
export function markSpans(text: string, context: MarkContext = {}): Mark[] {
  const candidates = [
    ...all(text, FIRST_PERSON_ACTION, 'action'),
    ...all(text, PASSIVE_ACTION, 'action'),
    ...claims(text),
    ...all(text, PLACEHOLDER, 'redacted'),
    ...all(text, AMOUNT, 'amount'),
    ...dates(text),
    ...all(text, LEGAL_NAME, 'organization'),
    ...literal(text, context.organizations ?? [], 'organization'),
    ...literal(text, context.names ?? [], 'name'),
    ...namedEntities(text),
    ...IDS.flatMap((p) => all(text, p, 'id')),
  ].sort((a, b) => PRIORITY.indexOf(a.kind) - PRIORITY.indexOf(b.kind) || b.end - b.start - (a.end - a.start));
  const kept: Mark[] = [];
  for (const m of candidates) if (m.end > m.start && !kept.some((k) => m.start < k.end && k.start < m.end)) kept.push(m);
  return kept.sort((a, b) => a.start - b.start);
}
