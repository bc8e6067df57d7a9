import type { ActionClaim } from './action-claim.js';
import { DONE_LANGUAGES, INFLECT, type DoneLanguage } from './done-forms.js';

const LETTER = String.raw`[\p{L}\p{M}]`;
const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Any of the phrases as whole words, in any case (a `\b` knows no accented letter). */
const anyOf = (phrases: readonly string[], flags = 'iu') =>
  new RegExp(`(?<!${LETTER})(?:${[...phrases].sort((a, b) => b.length - a.length).map(literal).join('|')})(?!${LETTER})`, flags);

interface Reader {
  verbOf: Map<string, string>;
  done: RegExp;
  /** First-person past forms, a report without an auxiliary ("cancelei"). */
  firstPerson: RegExp | undefined;
  /** A fragment ending in a done form: "Reembolsado", "Pagamento recebido". */
  endsDone: RegExp;
  auxiliary: RegExp;
  team: RegExp;
  customer: RegExp;
  passive: RegExp;
  not: RegExp;
  condition: RegExp;
  /** A present-state auxiliary alone before the form, and what makes the state a rule after it (done-forms.ts `state`). */
  state: { auxiliary: RegExp; rule: RegExp; yours: RegExp } | undefined;
}

function reader(code: string, language: DoneLanguage): Reader {
  const verbOf = new Map<string, string>();
  for (const [verb, forms] of Object.entries(language.done)) {
    for (const form of forms) for (const f of [form, ...(INFLECT[code]?.(form) ?? [])]) verbOf.set(f.toLowerCase(), verb);
  }
  const forms = [...verbOf.keys()];
  const firstPerson = Object.entries(language.firstPerson ?? {}).flatMap(([verb, said]) => said.map((f) => [f.toLowerCase(), verb] as const));
  for (const [form, verb] of firstPerson) verbOf.set(form, verb);
  return {
    verbOf,
    done: anyOf(forms, 'giu'),
    firstPerson: firstPerson.length > 0 ? anyOf(firstPerson.map(([f]) => f), 'giu') : undefined,
    endsDone: new RegExp(`${anyOf(forms).source}$`, 'iu'),
    auxiliary: anyOf(language.auxiliaries),
    team: anyOf(language.team),
    customer: anyOf(language.customer),
    passive: anyOf(language.passive),
    not: anyOf(language.not),
    condition: anyOf(language.conditions),
    state: language.state && { auxiliary: new RegExp(`^(?:${anyOf(language.state.auxiliaries).source})$`, 'iu'), rule: anyOf([...language.state.rule, ...language.conditions]), yours: anyOf(language.state.yours) },
  };
}

let readers: Reader[] | undefined;
/** Any language's done form: a text with none claims nothing in them. */
let anyDone: RegExp | undefined;
function languages(): Reader[] {
  readers ??= Object.entries(DONE_LANGUAGES).map(([code, language]) => reader(code, language));
  anyDone ??= anyOf(readers.flatMap((r) => [...r.verbOf.keys()]));
  return readers;
}

/** A sentence's clauses: split at commas and dashes, as a subordinate clause is set off. */
const CLAUSE_BREAK = /[,—–]|\s-\s/;
/** Up to three words between punctuation, ended by a full stop, an exclamation mark, a comma, a dash or the end of the text. */
const FRAGMENT = /(?:^|[.!?;,:\n—–¡¿])[ \t]*((?:[\p{L}\p{M}'’-]+[ \t]+){0,2}[\p{L}\p{M}'’-]+)[ \t]*(?=[.!,—–]|[ \t]-[ \t]|$)/gu;

/** The clause as far as it reports: up to the word that opens a condition or a time, if any. */
function reporting(clause: string, r: Reader): string {
  const m = r.condition.exec(clause);
  return m ? clause.slice(0, m.index) : clause;
}

/** Done forms after an auxiliary of the perfect or past passive, with the team or no customer as the subject, no negation nor modal. */
function inClauses(text: string, r: Reader): ActionClaim[] {
  const claims: ActionClaim[] = [];
  for (const sentence of text.match(/[^.!?;\n]+[.!?;\n]*/g) ?? []) {
    if (/^\s*¿/.test(sentence) || sentence.trim().endsWith('?')) continue;
    for (const clause of sentence.split(CLAUSE_BREAK)) {
      const scope = reporting(clause, r);
      if (r.not.test(scope)) continue;
      const ours = r.team.test(scope);
      if (!ours && !r.passive.test(scope) && r.customer.test(scope)) continue;
      for (const m of scope.matchAll(r.done)) {
        const verb = r.verbOf.get(m[0].toLowerCase())!;
        // "Received" reports the team's doing only with the team as subject ("hemos recibido su pago"), as in English.
        if (!r.auxiliary.test(scope.slice(0, m.index)) || (verb === 'receive' && !ours) || (!ours && ruleState(scope.slice(0, m.index), clause.slice(m.index + m[0].length), r))) continue;
        claims.push({ phrase: scope.slice(0, m.index + m[0].length).trim(), verb });
      }
      for (const m of r.firstPerson ? scope.matchAll(r.firstPerson) : []) claims.push({ phrase: scope.slice(0, m.index + m[0].length).trim(), verb: r.verbOf.get(m[0].toLowerCase())! });
    }
  }
  return claims;
}

/** A present state the clause gives as a rule, when or after what it holds: "het account is geblokkeerd na vijf pogingen". */
function ruleState(before: string, after: string, r: Reader): boolean {
  if (!r.state) return false;
  const auxiliaries = before.match(new RegExp(r.auxiliary.source, 'giu')) ?? [];
  return auxiliaries.every((a) => r.state!.auxiliary.test(a)) && r.state.rule.test(after) && !r.state.yours.test(before) && !r.state.yours.test(after);
}

/**
 * Reports typed as fragments: "Reembolsado.", "Pagamento recebido", "Passwort zurückgesetzt!". A
 * fragment says too little to tell its language ("cancelado" is Spanish and Portuguese): a negation,
 * condition or customer subject of any of them makes it none.
 */
function inFragments(text: string, r: Reader, all: readonly Reader[]): ActionClaim[] {
  return [...text.matchAll(FRAGMENT)].flatMap((m) => {
    const phrase = m[1]!;
    const done = r.endsDone.exec(phrase);
    if (!done || all.some((o) => o.not.test(phrase) || o.condition.test(phrase) || o.customer.test(phrase))) return [];
    return [{ phrase, verb: r.verbOf.get(done[0].toLowerCase())! }];
  });
}

/**
 * Claims of an action done written in Spanish, Portuguese, French, German, Italian or Dutch ("Le hemos
 * reembolsado el importe", "Wir haben Ihnen den Betrag erstattet", "Reembolsado."), under the English
 * base verb. Instructions (an infinitive: "Para reembolsar un pago…"), offers, futures, conditions,
 * negations, questions and the customer's own doings are not claims.
 */
export function claimsInOtherLanguages(text: string): ActionClaim[] {
  const all = languages();
  if (!anyDone!.test(text)) return [];
  const claims: ActionClaim[] = [];
  for (const r of all) {
    for (const claim of [...inClauses(text, r), ...inFragments(text, r, all)]) if (!claims.some((c) => c.verb === claim.verb)) claims.push(claim);
  }
  return claims;
}
