import { createRequire } from 'node:module';
import type { CountryCode } from 'libphonenumber-js';
import { ADDRESS_TAIL, ADDRESSES, CARD_CANDIDATE, CARD_ENDING, CREDENTIAL_URL, EMAIL, OBFUSCATED_EMAIL, IBAN_CANDIDATE, IDS, LOCAL_PHONE, NAMED_SECRETS, NANP_PHONE, PHONE_CANDIDATE, SECRET_PATTERNS, SELF_NAMES, URL, VAT_IDS } from './redact-patterns.js';

export interface RedactOptions {
  /** Domains of the customer (their email domains): URLs on them are the customer's own and are taken out. */
  customerDomains?: readonly string[];
  /** Addresses that stay: the vendor's own support addresses (`vendor.support_addresses`). */
  keep?: readonly string[];
  /**
   * Regions whose national numbers (written without a country code) are phone numbers here: the
   * account's and the vendor's. Tried for every candidate after the US, with or without a trunk prefix
   * (`612 345 678` in Spain); `PHONE_REGIONS` only for numbers written with one (`07911 123456`).
   */
  regions?: readonly string[];
  /** Whether a word (lower-case) is part of a person's or organization's name, to take out wherever it appears. */
  isName?: (word: string) => boolean;
}

/** Regions tried for a number written with a trunk prefix (a leading 0) when nobody named the region. */
export const PHONE_REGIONS: readonly CountryCode[] = ['GB', 'DE', 'FR', 'NL', 'BE', 'AT', 'CH', 'IE', 'IT', 'ES', 'PT', 'SE', 'DK', 'NO', 'FI', 'PL', 'AU', 'NZ', 'IN'];
const WORD = /[\p{L}\p{M}'’-]+/gu;

/** Each word of two letters or more of the names, lower-case, for `nameWords`. */
export function nameWordsOf(names: readonly string[]): Set<string> {
  return new Set(names.filter((n) => !n.includes('@')).flatMap((n) => n.match(WORD) ?? []).filter((w) => w.length >= 2).map((w) => w.toLowerCase()));
}

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** ISO 13616 check: the country and check digits moved to the end, letters as numbers, mod 97 is 1. */
function validIban(candidate: string): boolean {
  const s = candidate.replace(/ /g, '');
  if (s.length < 15 || s.length > 34) return false;
  let rest = 0;
  for (const ch of s.slice(4) + s.slice(0, 4)) {
    const n = ch >= 'A' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const digit of n) rest = (rest * 10 + Number(digit)) % 97;
  }
  return rest === 1;
}

/** libphonenumber with its metadata, loaded on first use (its CommonJS build, so redaction stays synchronous): no start needs it. */
let phones: typeof import('libphonenumber-js') | undefined;

/**
 * Phone numbers libphonenumber recognises: with a country code, as US numbers, as national numbers of
 * the given regions, and, when written with a trunk prefix (`020 7946 0777`, `06 12 34 56 78`), of `PHONE_REGIONS`.
 */
function redactPhones(text: string, given: readonly CountryCode[]): string {
  phones ??= createRequire(import.meta.url)('libphonenumber-js') as typeof import('libphonenumber-js');
  const { findPhoneNumbersInText } = phones;
  const out = text.replace(NANP_PHONE, '[PHONE]').replace(PHONE_CANDIDATE, (run, lookalike: string | undefined) => {
    if (lookalike) return run;
    const regions = /^\(?0/.test(run) ? [...given, ...PHONE_REGIONS] : given;
    let found = findPhoneNumbersInText(run, 'US');
    for (let i = 0; found.length === 0 && i < regions.length; i++) found = findPhoneNumbersInText(run, regions[i]!);
    let kept = run;
    for (const p of found.reverse()) kept = `${kept.slice(0, p.startsAt)}[PHONE]${kept.slice(p.endsAt)}`;
    return kept;
  });
  return out.replace(LOCAL_PHONE, '[PHONE]');
}

function customerDomains(text: string, given: readonly string[]): string[] {
  const fromEmails = [...text.matchAll(EMAIL)].map((m) => m[0].split('@')[1]!.toLowerCase());
  return [...new Set([...given.map((d) => d.toLowerCase()), ...fromEmails])];
}

function redactUrls(text: string, domains: string[]): string {
  return text.replace(URL, (url) => {
    const host = url.replace(/^https?:\/\//, '').split(/[/?#:]/)[0]!.toLowerCase();
    const theirs = domains.some((d) => host === d || host.endsWith(`.${d}`)) || /@/.test(url.split(/[/?#]/, 3).join(''));
    return theirs ? '[URL]' : url;
  });
}

/**
 * Personal data and secrets taken out of text that leaves its conversation: knowledge quoted to other
 * customers, approved KB answers and training exports. Order matters: secrets and emails first, then
 * the customer's URLs, IBANs and card numbers before phone numbers (whose digits they would share),
 * then references, street addresses and self-introductions.
 */
export function redact(text: string, opts: RedactOptions = {}): string {
  const keep = new Set((opts.keep ?? []).map((a) => a.toLowerCase()));
  const domains = customerDomains(text, opts.customerDomains ?? []).filter((d) => ![...keep].some((a) => a.endsWith(`@${d}`)));
  // A link that lets its holder in goes whole, before a secret in it alone would leave the rest of it.
  let out = text.replace(CREDENTIAL_URL, '[URL]');
  for (const p of SECRET_PATTERNS) out = out.replace(p, '[SECRET]');
  for (const p of NAMED_SECRETS) out = out.replace(p, '$1$2[SECRET]');
  out = redactUrls(out, domains);
  out = out.replace(EMAIL, (m) => (keep.has(m.toLowerCase()) ? m : '[EMAIL]'));
  out = out.replace(OBFUSCATED_EMAIL, '[EMAIL]');
  out = out.replace(IBAN_CANDIDATE, (m) => (validIban(m.toUpperCase().replace(/-/g, ' ')) ? '[IBAN]' : m));
  for (const p of VAT_IDS) out = out.replace(p, '[VAT]');
  out = out.replace(CARD_CANDIDATE, (m) => (luhn(m.replace(/\D/g, '')) ? '[CARD]' : m));
  out = out.replace(CARD_ENDING, '$1[CARD]');
  out = redactPhones(out, (opts.regions ?? []).map((r) => r.toUpperCase()) as CountryCode[]);
  for (const [p, by] of IDS) out = out.replace(p, by);
  for (const p of ADDRESSES) out = out.replace(p, '[ADDRESS]');
  out = out.replace(ADDRESS_TAIL, '[ADDRESS]');
  for (const [p, by] of SELF_NAMES) out = out.replace(p, by);
  return opts.isName ? redactNames(out, opts.isName, keep) : out;
}

/** A word that is a known name, or holds one: "Initech's" (a possessive), "Initech-wide" (a part of a hyphenated word). */
function namesSomeone(word: string, isName: (word: string) => boolean): boolean {
  return isName(word) || isName(word.replace(/['’]s$/, '')) || (word.includes('-') && word.split('-').some((part) => part.length >= 2 && isName(part)));
}

/** Each word of a known name, in any case, as `[NAME]` (a full name reads as one); the kept addresses untouched. */
function redactNames(text: string, isName: (word: string) => boolean, keep: ReadonlySet<string>): string {
  const parts = keep.size > 0 ? text.split(new RegExp(`(${[...keep].map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'i')) : [text];
  return parts
    .map((p, i) => (i % 2 === 1 ? p : p.replace(WORD, (w) => (namesSomeone(w.toLowerCase(), isName) ? '[NAME]' : w))))
    .join('')
    .replace(/\[NAME\](?: \[NAME\])+/g, '[NAME]');
}
