import type { ActionClaim } from './action-claim.js';
import { nlp } from './english.js';
import { claimsInOtherLanguages } from './other-languages.js';

/**
 * What a support team does to a customer's account, order or data. A text that reports one of these as
 * done ("I've refunded", "your refund has been processed", "the key was revoked", "a credit was applied
 * to your account") claims an action taken for someone; Baton takes none, so such a sentence is true
 * only of the conversation it came from.
 */
const ACTIONS = [
  'activate', 'add', 'adjust', 'apply', 'approve', 'arrange', 'assign', 'bill', 'block', 'book', 'cancel', 'change',
  'charge', 'clear', 'close', 'confirm', 'contact', 'correct', 'create', 'credit', 'deactivate', 'decrease', 'delete',
  'deploy', 'disable', 'dispatch', 'downgrade', 'email', 'enable', 'erase', 'escalate', 'export', 'extend', 'file',
  'fix', 'flag', 'forward', 'generate', 'grant', 'increase', 'invoice', 'issue', 'lift', 'lock', 'merge', 'migrate',
  'move', 'pay', 'patch', 'pause', 'process', 'purge', 'raise', 'reactivate', 'reassign', 'rebook', 'refund',
  'regenerate', 'reimburse', 'reinstate', 'release', 'reopen', 'remove', 'renew', 'replace', 'reschedule', 'resend',
  'reset', 'resolve', 'restore', 'resume', 'reverse', 'revoke', 'roll', 'rotate', 'schedule', 'send', 'ship',
  'submit', 'suspend', 'switch', 'terminate', 'transfer', 'unblock', 'unlock', 'update', 'upgrade', 'verify', 'void',
  'waive', 'wipe',
];

/**
 * Past form -> the action, and both spellings of cancel (the inflector knows one); and a text with none
 * of these words claims nothing: the parse is skipped (it is the costly part). Built on first use, with
 * the English model.
 */
let pastForms: { of: Map<string, string>; any: RegExp } | undefined;
function pastTenses(): { of: Map<string, string>; any: RegExp } {
  if (pastForms) return pastForms;
  const of = new Map<string, string>([
    // Conjugated in a clause: a bare word is not always read as a verb ("reset", "email").
    ...ACTIONS.map((verb) => [String((nlp(`we ${verb} it`).verbs().conjugate()[0] as { PastTense?: string } | undefined)?.PastTense ?? `${verb}ed`), verb] as const),
    ['cancelled', 'cancel'],
    ['canceled', 'cancel'],
  ]);
  pastForms = { of, any: new RegExp(`\\b(?:${[...of.keys()].join('|')})\\b`, 'i') };
  return pastForms;
}
const ACTION = new Set(ACTIONS);

/** Clauses that set a condition or a time ("if it was applied", "once the admin has revoked it"): no report of a fact. */
const SUBORDINATE = /^\W*(?:if|once|when|whenever|after|before|until|unless|whether|in case|as soon as|so that|in order)\b/i;
/** The customer as the subject ("you have cancelled"): their own doing, not a claim of the team's. */
const THEIR_OWN = /\byou(?:['’](?:ve|d))?\s+(?:(?:have|had|just|already|also|now)\s+)*$/i;
/** "I reset" / "we put": a past form no different from the present is past only with the team as its subject. */
const FIRST_PERSON = /\b(?:I|we)(?:['’](?:ve|d))?\s+(?:(?:have|had|just|already|also|now|since)\s+)*$/i;
/** Auxiliaries of what may be, will be or would have been: an offer or a condition, not a report. */
const MODAL = /\b(?:will|would|can|could|should|shall|may|might|must)\b|['’]ll/i;
/** The team as the subject of a bare past form: "our billing team refunded", "the team cancelled". */
const TEAM_SUBJECT = /\b(?:our|the team|support)\b/i;
/** A state the team brought about, in the present: "your account is now unlocked". */
const NOW_STATE = /\b(?:is|are)\s+now\s+([a-z]+)\b/gi;

/**
 * A report typed as a fragment, up to three words before a full stop, an exclamation mark, a comma or a
 * dash: "Refunded.", "Credit applied!", "Password reset done.", "payment received,". A label or heading
 * ends in a colon or a line break instead, and is not one.
 */
const FRAGMENT = /(?:^|[.!?;,:\n—–])[ \t]*((?:[\p{L}'’-]+[ \t]+){0,2}[\p{L}'’-]+)[ \t]*(?=[.!,—–]|[ \t]-[ \t])/gu;
/** Words that report a fragment's action as finished ("Refund done."). */
const FINISHED = new Set(['done', 'completed', 'sorted']);
/**
 * Past forms that report the team's doing only as a fragment ("payment received.") or after "we" ("we've
 * received your payment"): in a general statement they describe ("payments received after the 25th").
 */
const FRAGMENT_ONLY = new Map([['received', 'receive']]);
/** Progress only the team could report on one customer's case: "the refund went through", "your card is on its way", "here is your archive". */
const PROGRESS: [RegExp, string][] = [
  [/\b(?:I|we)(?:['’]ve| have)?\s+(?:just\s+|now\s+|already\s+)?received\b/i, 'receive'],
  [/\b(?:went|has gone|have gone) through\b/i, 'go through'],
  [/\byour\b[^.!?\n]{0,40}?\b(?:is|are) (?:now )?on (?:its|their|the) way\b/i, 'send'],
  // Handing over what was made for them: "here is your archive: …", "attached is your invoice".
  [/\b(?:here(?:['’]s| is| are)|attached (?:is|are)|please find attached)\s+your\b/i, 'send'],
];
/** A text with none of these words, and no action's past form, holds no fragment or progress report. */
const FRAGMENT_ONLY_OR_PROGRESS = /\b(?:received|through|way|here|attached)\b/i;

export type { ActionClaim };

/** A stretch of the text as the parser reports it. */
interface Span {
  text: string;
  offset: { start: number; length: number };
}

interface ParsedVerb extends Span {
  verb: { root: string; infinitive: string; auxiliary: string; negative: boolean; grammar: { tense?: string } };
}

/** The action a parsed verb names, when it reports one as done. */
function reported(v: ParsedVerb['verb'], before: string): string | undefined {
  const root = v.root.toLowerCase().split(/\s+/)[0]!;
  const base = v.infinitive.toLowerCase().split(/\s+/)[0]!;
  const action = ACTION.has(base) ? base : pastTenses().of.get(root);
  if (!action || v.negative || MODAL.test(v.auxiliary) || THEIR_OWN.test(before)) return undefined;
  const past = v.grammar.tense === 'PastTense' || /\bbeen\b/i.test(v.auxiliary);
  // A past form the parser read as a present ("resent"), or one no different from it ("reset") after "I"/"we".
  const pastForm = pastTenses().of.get(root) === action && (root !== action || FIRST_PERSON.test(before));
  return past || (v.auxiliary === '' && pastForm) ? action : undefined;
}

/** Whether the sentence going on at `from` ends in a question mark. */
const asks = (text: string, from: number) => text.slice(Math.max(0, from - 1)).match(/[.!?\n]/)?.[0] === '?';

/** The text from `start` to the end of the word at `end` (offsets after a contraction ("I've") can fall short of it). */
function upToWordEnd(text: string, start: number, end: number): string {
  const rest = /^[\p{L}\p{N}]*/u.exec(text.slice(end))![0];
  return text.slice(start, end + rest.length).replace(/[\s,.;:!]+$/, '').trim();
}

function parse(text: string): ActionClaim[] {
  const claims: ActionClaim[] = [];
  const doc = nlp(text);
  const verbs = doc.verbs().json({ offset: true }) as ParsedVerb[];
  for (const clause of doc.clauses().json({ offset: true }) as Span[]) {
    const start = clause.offset.start;
    const end = start + clause.offset.length;
    if (SUBORDINATE.test(clause.text) || asks(text, end)) continue;
    const inClause = verbs.filter((x) => x.offset.start >= start && x.offset.start < end);
    for (const v of inClause) {
      const before = text.slice(start, v.offset.start);
      // A bare participle after a present verb, or opening the clause before one, qualifies a thing ("credits show once applied", "cancelled plans stay active").
      const qualifies = v.verb.auxiliary === '' && !FIRST_PERSON.test(before) && !TEAM_SUBJECT.test(before) && describing(clause.text, inClause.filter((x) => before.trim() === '' || x.offset.start < v.offset.start));
      if (qualifies) continue;
      const action = reported(v.verb, before);
      if (action) claims.push({ phrase: upToWordEnd(text, start, v.offset.start + v.offset.length), verb: action });
    }
  }
  for (const claim of [...fragments(text), ...progress(text)]) if (!claims.some((c) => c.verb === claim.verb)) claims.push(claim);
  for (const m of text.matchAll(NOW_STATE)) {
    const action = pastTenses().of.get(m[1]!.toLowerCase());
    if (action && !claims.some((c) => c.verb === action)) claims.push({ phrase: m[0], verb: action });
  }
  return claims;
}

/**
 * Whether a clause says how things are or go, by a verb in the present (not "now"): "credits show under
 * Billing once applied", "deleted projects are kept for 14 days and then removed", "refunds may be available
 * for cancelled orders". A past form in it without an auxiliary is a participle that qualifies a thing,
 * not a report.
 */
function describing(clause: string, verbs: readonly ParsedVerb[]): boolean {
  return !/\bnow\b/i.test(clause) && verbs.some((v) => v.verb.grammar.tense === 'PresentTense' && /^(?:|is|are|may|might|can|could|should|must)$/i.test(v.verb.auxiliary));
}

/** The action a fragment reports done, by its last word (or the one before "done"); none under a condition or a modal. */
function fragments(text: string): ActionClaim[] {
  const claims: ActionClaim[] = [];
  for (const m of text.matchAll(FRAGMENT)) {
    const phrase = m[1]!;
    if (SUBORDINATE.test(phrase) || MODAL.test(phrase) || /\b(?:not|never|no)\b/i.test(phrase)) continue;
    const words = phrase.toLowerCase().split(/[ \t]+/);
    const last = words.at(-1)!;
    const verb = FINISHED.has(last) && words.length > 1 ? (pastTenses().of.get(words.at(-2)!) ?? (ACTION.has(words.at(-2)!) ? words.at(-2) : undefined)) : (pastTenses().of.get(last) ?? FRAGMENT_ONLY.get(last));
    if (verb) claims.push({ phrase, verb });
  }
  return claims;
}

/** Sentences reporting progress on the customer's own case, outside a condition, a modal or a question. */
function progress(text: string): ActionClaim[] {
  return (text.match(/[^.!?\n]+[.!?\n]?/g) ?? []).flatMap((sentence) => {
    if (SUBORDINATE.test(sentence) || MODAL.test(sentence) || sentence.trim().endsWith('?')) return [];
    return PROGRESS.flatMap(([p, verb]) => {
      const m = p.exec(sentence);
      return m ? [{ phrase: sentence.slice(0, m.index + m[0].length).trim(), verb }] : [];
    });
  });
}

/** Texts already parsed: the guard looks at the same candidate answers again and again. */
const parsed = new Map<string, ActionClaim[]>();
const REMEMBERED = 2000;

/**
 * Every claim in the text that an action was taken: in the first person ("I've refunded", "we went ahead
 * and waived"), the third ("our billing team has issued a credit note") or the passive ("your refund has
 * been processed", "a credit of EUR 40 was applied"). Instructions, offers, futures, conditions,
 * questions, negations and the customer's own doings are not claims. The same in the other languages
 * B2B teams write in (other-languages.ts), under the English verb: "Le hemos reembolsado" is a "refund".
 */
export function actionClaims(text: string): ActionClaim[] {
  const english = inEnglish(text);
  const others = claimsInOtherLanguages(text).filter((c) => !english.some((e) => e.verb === c.verb));
  return others.length > 0 ? [...english, ...others] : english;
}

function inEnglish(text: string): ActionClaim[] {
  if (!pastTenses().any.test(text) && !FRAGMENT_ONLY_OR_PROGRESS.test(text)) return [];
  const known = parsed.get(text);
  if (known) return known;
  const claims = parse(text);
  if (parsed.size >= REMEMBERED) parsed.delete(parsed.keys().next().value!);
  parsed.set(text, claims);
  return claims;
}
