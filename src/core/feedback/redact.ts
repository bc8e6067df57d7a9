import { findPhoneNumbersInText } from 'libphonenumber-js';
import { ADDRESSES, CARD_CANDIDATE, EMAIL, IBAN_CANDIDATE, IDS, LOCAL_PHONE, NAMED_SECRETS, PHONE_CANDIDATE, SECRET_PATTERNS, SELF_NAMES, URL } from './redact-patterns.js';

export interface RedactOptions {
  /** Domains of the customer (their email domains): URLs on them are the customer's own and are taken out. */
  customerDomains?: readonly string[];
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

/** Phone numbers libphonenumber recognises (with or without a country code, US numbers by default). */
function redactPhones(text: string): string {
  const out = text.replace(PHONE_CANDIDATE, (run, lookalike: string | undefined) => {
    if (lookalike) return run;
    const found = findPhoneNumbersInText(run, 'US');
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
  const domains = customerDomains(text, opts.customerDomains ?? []);
  let out = text;
  for (const p of SECRET_PATTERNS) out = out.replace(p, '[SECRET]');
  for (const p of NAMED_SECRETS) out = out.replace(p, '$1$2[SECRET]');
  out = redactUrls(out, domains);
  out = out.replace(EMAIL, '[EMAIL]');
  out = out.replace(IBAN_CANDIDATE, (m) => (validIban(m) ? '[IBAN]' : m));
  out = out.replace(CARD_CANDIDATE, (m) => (luhn(m.replace(/\D/g, '')) ? '[CARD]' : m));
  out = redactPhones(out);
  for (const [p, by] of IDS) out = out.replace(p, by);
  for (const p of ADDRESSES) out = out.replace(p, '[ADDRESS]');
  for (const [p, by] of SELF_NAMES) out = out.replace(p, by);
  return out;
}
