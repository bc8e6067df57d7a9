/**
 * Personal data and secrets taken out of text that leaves its conversation: training exports and
 * approved KB answers. Order matters: tokens and card numbers go
 * before phone numbers, whose pattern would otherwise eat their digits.
 */
const SECRET_PATTERNS: RegExp[] = [
  /\bxox[abposr]-[A-Za-z0-9-]{10,}/g, // Slack tokens
  /\bxapp-[A-Za-z0-9-]{10,}/g,
  /\bsk-[A-Za-z0-9_-]{16,}/g, // OpenAI-style API keys
  /\b(?:ghp|gho|ghu|ghs|github_pat)_[A-Za-z0-9_]{20,}/g,
  // Prefixed service keys (Stripe's whsec_, sk_live_, rk_test_, npm_, ...): a short prefix, then a long random part with digits.
  /\b[a-z]{2,8}_(?:[a-z]{2,8}_)?(?=[A-Za-z]*\d)[A-Za-z0-9]{20,}\b/g,
  /\bAKIA[0-9A-Z]{16}\b/g, // AWS access key ids
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, // JWTs
  /\b[A-Fa-f0-9]{32,}\b/g, // long hex strings (hashes, keys)
  /\b[A-Za-z0-9+/]{40,}={0,2}/g, // long base64 blobs
];
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const CARD_CANDIDATE = /\b(?:\d[ -]?){12,18}\d\b/g;
/** An optional country code, then an area code in brackets and two groups, or three groups or more; or +digits. */
const PHONE = /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)[\s.-]?\d{2,4}(?:[\s.-]\d{2,4})+|\d{2,4}[\s.-]\d{2,4}(?:[\s.-]\d{2,4})+)\b|\+\d{8,15}\b/;
/**
 * Digit groups a phone pattern would take but that are not phone numbers: ISO dates ("the 2024-11-05
 * release") and dotted-quad IP addresses. Matched first at each position, so they are kept as written.
 */
const NOT_A_PHONE = /\b\d{4}-\d{2}-\d{2}\b|\b\d{1,3}(?:\.\d{1,3}){3}\b/;
const PHONE_OR_LOOKALIKE = new RegExp(`(${NOT_A_PHONE.source})|${PHONE.source}`, 'g');

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * A value named as a secret: after "password:" or "token=" whatever follows; after a bare keyword only a
 * value with a digit in it, so "the API token expires" stays readable while "password hunter2" does not.
 */
const KEYWORD = '(bearer|token|api[_ -]?key|secret|password|passwd|pwd)';
/** A value ends before sentence punctuation, which stays in the text. */
const VALUE_END = `[^\\s"'.,;:!?)]`;
const NAMED_SECRETS: RegExp[] = [
  new RegExp(`\\b${KEYWORD}(\\s*[:=]\\s*)["']?[^\\s"']{3,}${VALUE_END}["']?`, 'gi'),
  new RegExp(`\\b${KEYWORD}(\\s+(?:is\\s+)?)["']?(?=[^\\s"']*\\d)[^\\s"']{5,}${VALUE_END}["']?`, 'gi'),
];

export function redact(text: string): string {
  let out = text;
  for (const p of SECRET_PATTERNS) out = out.replace(p, '[SECRET]');
  for (const p of NAMED_SECRETS) out = out.replace(p, '$1$2[SECRET]');
  out = out.replace(EMAIL, '[EMAIL]');
  out = out.replace(CARD_CANDIDATE, (m) => (luhn(m.replace(/\D/g, '')) ? '[CARD]' : m));
  return out.replace(PHONE_OR_LOOKALIKE, (m, lookalike: string | undefined) => lookalike ?? '[PHONE]');
}
