/**
 * The patterns `redact` applies, each linear in the text: bounded repetitions only, no nested
 * unbounded quantifiers (a 40,000-character text redacts in milliseconds; `npm run bench` measures it).
 */
export const SECRET_PATTERNS: RegExp[] = [
  /\bxox[abposr]-[A-Za-z0-9-]{10,}/g, // Slack tokens
  /\bxapp-[A-Za-z0-9-]{10,}/g,
  /\bsk-[A-Za-z0-9_-]{16,}/g, // OpenAI-style API keys
  /\bAIza[0-9A-Za-z_-]{30,40}/g, // Google API keys
  /\bglpat-[A-Za-z0-9_-]{20,}/g, // GitLab personal access tokens
  /\bSG\.[A-Za-z0-9_-]{16,32}\.[A-Za-z0-9_-]{16,64}/g, // SendGrid API keys
  /\b(?:SK|AC)[0-9a-fA-F]{32}\b/g, // Twilio API key and account SIDs
  // PEM private keys, to their END line (or the end of the paragraph when it was cut off).
  /-----BEGIN [A-Z ]{0,30}PRIVATE KEY-----[A-Za-z0-9+/=\s:,-]{0,10000}?(?:-----END [A-Z ]{0,30}PRIVATE KEY-----|(?=\n[ \t]*\n)|$)/g,
  /\b(?:ghp|gho|ghu|ghs|github_pat)_[A-Za-z0-9_]{20,}/g,
  // Prefixed service keys (Stripe's whsec_, sk_live_, rk_test_, npm_, ...): a short prefix, then a long random part with digits.
  /\b[a-z]{2,8}_(?:[a-z]{2,8}_)?(?=[A-Za-z]*\d)[A-Za-z0-9]{20,}\b/g,
  /\bAKIA[0-9A-Z]{16}\b/g, // AWS access key ids
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, // JWTs
  /\b[A-Fa-f0-9]{32,}\b/g, // long hex strings (hashes, keys)
  /\b[A-Za-z0-9+/]{40,}={0,2}/g, // long base64 blobs
];

/**
 * A value named as a secret: after "password:" or "token=" whatever follows; after a bare keyword only a
 * value with a digit in it, so "the API token expires" stays readable while "password hunter2" does not.
 */
const KEYWORD = '(bearer|token|api[_ -]?key|secret|password|passwd|pwd|pw|passcode|passwort|kennwort|contraseña|pin|cvv2?|cvc)';
/** A value ends before sentence punctuation, which stays in the text. */
const VALUE_END = `[^\\s"'.,;:!?)]`;
export const NAMED_SECRETS: RegExp[] = [
  // Environment style: TWILIO_API_KEY=..., DATABASE_PASSWORD: ... (the name stays, its value goes).
  /\b([A-Z][A-Z0-9]{0,30}(?:_[A-Z0-9]{1,30}){0,5}_(?:KEY|TOKEN|SECRET|PASSWORD|PASS|PWD|SID|DSN|CREDENTIALS?))(\s*[:=]\s*)["']?[^\s"',;]{3,400}["']?/g,
  new RegExp(`\\b${KEYWORD}(\\s*[:=]\\s*)["']?[^\\s"']{3,200}${VALUE_END}["']?`, 'gi'),
  new RegExp(`\\b${KEYWORD}(\\s+(?:is\\s+)?)["']?(?=[^\\s"']{0,200}\\d)[^\\s"']{5,200}${VALUE_END}["']?`, 'gi'),
  // Short codes: "PIN 4821", "CVV 123", "security code: 9041".
  /\b(pin|cvv2?|cvc|security code)(\s*(?:is\s+|[:=]\s*)?)\d{3,8}\b/gi,
];

/** An address written to dodge harvesters: "maria(at)acme.example", "j.doe [at] globex [dot] com". */
export const OBFUSCATED_EMAIL = /[A-Za-z0-9._%+-]{1,64} ?[([]at[)\]] ?[A-Za-z0-9-]{1,63}(?:(?: ?[([]dot[)\]] ?|\.)[A-Za-z0-9-]{1,63}){1,8}/gi;
export const EMAIL = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}/g;
export const URL = /\bhttps?:\/\/[^\s<>"')\]]{1,2000}/g;
/**
 * A link that lets whoever holds it in, whoever's it was: a credential in its query or fragment (a signed
 * download's `?sig=`, a reset link's `?token=`, `&X-Amz-Signature=`, `#access_token=`), a path naming one
 * (`/invite/…`, `/attachments/token/…`, `/reset/…`), or a path segment no person typed (a UUID, or 20 or more
 * letters and digits in both cases: a shared file's id).
 */
export const CREDENTIAL_URL = new RegExp(
  [
    String.raw`\bhttps?:\/\/[^\s<>"')\]?#]{1,2000}[?#][^\s<>"')\]]{0,2000}?(?<=[?&#;])[\w.-]{0,40}?(?:token|sig|signature|secret|key|auth|session|sid|code|password|pwd|otp|jwt|credential|hash|nonce)[\w.-]{0,20}=[^\s<>"')\]]{0,2000}`,
    String.raw`\bhttps?:\/\/[^\s<>"')\]?#]{0,2000}?\/(?:invite|invitation|join|reset|magic|token|share|shared|s|d|download|attachments?)\/[^\s<>"')\]/?#]{6,}[^\s<>"')\]]{0,2000}`,
    String.raw`\bhttps?:\/\/[^\s<>"')\]?#]{0,2000}?\/(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|(?=[\w]{0,200}\d)(?=[\w]{0,200}[A-Z])(?=[\w]{0,200}[a-z])\w{20,200})(?=[/?#\s<>"')\]]|$)[^\s<>"')\]]{0,2000}`,
  ].join('|'),
  'gi',
);
/** An IBAN, written in groups of four (spaced or dashed, in either case) or run together: country, check digits, then 11 to 30 letters and digits. */
export const IBAN_CANDIDATE = /\b[A-Za-z]{2}\d{2}(?:[ -]?[A-Za-z0-9]{4}){2,7}(?:[ -]?[A-Za-z0-9]{1,4})?\b/g;
/** 13 to 19 digits with up to two spaces, dashes or dots anywhere between them (Luhn-checked before redaction). */
/** The last digits of a card, named as such ("Visa ending 4242", "card ending in 5555"). */
export const CARD_ENDING = /\b((?:card|visa|mastercard|amex|maestro|discover)\s{1,3}(?:ending|ends)(?:\s{1,3}(?:in|with))?:?\s{1,3})\d{4}\b/gi;
export const CARD_CANDIDATE = /\b(?:\d[ .-]{0,2}){12,18}\d\b/g;
/**
 * VAT ids of the EU and the UK (country prefix, then 8 to 14 letters and digits, at least 7 of them digits,
 * spaced or not: DE123456789, GB 123 4567 89, NL123456789B01, FRXX123456789) and Swiss UIDs (CHE-123.456.789 MWST).
 */
export const VAT_IDS: RegExp[] = [
  /\b(?:ATU|BE|BG|CY|CZ|DE|DK|EE|EL|ES|FI|FR|GB|HR|HU|IE|IT|LT|LU|LV|MT|NL|PL|PT|RO|SE|SI|SK|XI) ?(?=(?:[A-Z]{0,2}[ .]?\d){7})[0-9A-Z]{1,2}(?:[ .]?\d){6,12}(?:[ .]?[A-Z0-9]{1,3})?\b/g,
  /\bCHE[- ]?\d{3}\.?\d{3}\.?\d{3}(?: ?(?:MWST|TVA|IVA))?\b/g,
];
/**
 * A run that may hold a phone number, handed to libphonenumber; then local numbers with no area code
 * (555-0182). A slash may part an area code written with its trunk prefix or a country code
 * (`0171/2345678`, `089 / 123 45 67`, as German numbers are written), not a path's segments; "120/340"
 * is no phone number. ISO dates (with a time), dates written with slashes (`12/03/2026`, `2026/03/12`),
 * dotted dates (01.04.2026, read as a trunk-prefixed number before, also ending a sentence) and
 * dotted-quad IP addresses are matched first and kept as written; four groups within a longer dotted run
 * are no address (the French write `06.12.34.56.78`).
 */
export const PHONE_CANDIDATE = /(\b\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b|\b\d{4}\/\d{1,2}\/\d{1,2}\b|\b\d{1,2}\.\d{1,2}\.(?:19|20)\d{2}(?!\.?\d)|(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?!\.?\d))|(?<![\w/.])(?:\+\d{1,3} ?(?:\(0\))? ?|\(?0)\d{1,5}\)? ?\/ ?\d[\d .-]{3,14}\d(?![\w/])|\+?\(?\d[\d ().-]{5,22}\d/g;
/**
 * A number written as North American numbers are, with separators: (555) 201-7788, 555-201-7788, +1 555 201 7788.
 * libphonenumber refuses the numbers no one is given (area code 555, the ones fiction and examples use),
 * yet a customer who wrote one wrote their number.
 */
export const NANP_PHONE = /(?<![\w.+-])(?:\+?1[ .-]?)?(?:\(\d{3}\) ?|\d{3}[ .-])\d{3}[ .-]\d{4}(?![\w-]|\.\d)/g;
export const LOCAL_PHONE = /(?<![\d-])\d{3}[-.]\d{4}(?![\d-])/g;
/** Ticket, order and invoice references: INV-20931, INV-2026-0913, ORD-558812, #35436, "order 558812", Stripe-style cus_Q8xLm2Zt. */
export const IDS: [RegExp, string][] = [
  [/\b[A-Z]{2,6}-(?:\d{3,12}|\d{2}(?=-[A-Z0-9]))(?:-[A-Z0-9]{1,12}){0,4}\b/g, '[ID]'],
  [/#\d{3,12}\b/g, '[ID]'],
  [/\b\d{3}-\d{2}-\d{4}\b/g, '[ID]'], // US social security numbers
  [/\b(order|ticket|invoice|case|reference|ref|account|customer|tracking|transaction|shipment|parcel|confirmation|booking|contract|membership|licen[cs]e|serial)(\s{0,3}(?:no\.?|number|#|id)?\s{0,3}[:#]?\s{0,3})(?=[A-Z0-9-]{0,20}\d{5})[A-Z0-9-]{4,24}\b/gi, '$1$2[ID]'],
  [/\b(?:cus|sub|in|pi|ch|acct|evt|price|prod|org|usr)_[A-Za-z0-9]{6,40}\b/g, '[ID]'],
];
const CITY = String.raw`\p{Lu}[\p{L}'’-]{1,30}`;
const UK_POSTCODE = String.raw`[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}`;
/**
 * A postcode and city after an address: ", 75002 Paris", " 1015 CJ Amsterdam", ", SW1A 1AA London"; or,
 * as the UK and the US write them, the city first: ", London NW1 6XE", ", Springfield, IL 62704".
 */
const POSTCODE_CITY = String.raw`(?:,? (?:[A-Z]{1,2}-)?(?:\d{4} ?[A-Z]{2}(?= )|\d{4,5}|\d{3} ?\d{2}|${UK_POSTCODE}) ${CITY}|,? ${CITY}(?: ${CITY})?,? (?:${UK_POSTCODE}|[A-Z]{2} \d{5}(?:-\d{4})?)\b)?`;
const WORDS = String.raw`(?: [\p{L}'’.-]{1,30}){1,5}`;
/**
 * A street address, with its postcode and city when they follow: number and street ("12 Harbour Street",
 * "500 W 5th Ave", "12 rue de la Paix"), street and number ("Hauptstraße 5", "Via Roma 10", "Calle Mayor 5",
 * "Keizersgracht 123", "Storgatan 5").
 */
export const ADDRESSES: RegExp[] = [
  /\b\d{1,5}[A-Za-z]?,? (?:[A-Z0-9][A-Za-z0-9'.-]{0,30} ){0,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Court|Ct|Place|Pl|Square|Sq|Terrace|Highway|Hwy|Parkway|Pkwy)\b\.?/g,
  new RegExp(String.raw`\b\d{1,5}(?:bis|ter)?,? (?:rue|avenue|av\.|boulevard|bd|chemin|allée|impasse|place|quai|route|cours)${WORDS}${POSTCODE_CITY}`, 'giu'),
  new RegExp(String.raw`\b(?:Via|Viale|Piazza|Corso|Calle|Avenida|Plaza|Paseo|Carrer|Rua|Ulica|ul\.)${WORDS},? \d{1,5}[a-zA-Z]?\b${POSTCODE_CITY}`, 'gu'),
  new RegExp(String.raw`\b\p{Lu}\p{Ll}{1,30}(?:straße|strasse|str\.|weg|allee|platz|gasse|ring|damm|straat|gracht|laan|plein|kade|singel|gatan|vägen|gade|vej|veien|gata|katu) \d{1,5}[a-zA-Z]?\b${POSTCODE_CITY}`, 'gu'),
];
/** A postcode and city right after a redacted address ("[ADDRESS], 10115 Berlin") go with it. */
export const ADDRESS_TAIL = new RegExp(String.raw`\[ADDRESS\]${POSTCODE_CITY.replace(/\)\?$/, ')')}`, 'gu');
/**
 * A person's name of one or two words, in any script ("Jörg", "María José", "Siobhán O’Connor",
 * "Tomasz Wiśniewski"): a word's end is a letter's end, not ASCII's (`\b` would stop inside "Wiś").
 */
const NAME_WORD = String.raw`\p{Lu}(?:[\p{Ll}\p{M}]{1,30}(?:['’-]\p{Lu}?[\p{Ll}\p{M}]{1,30})?|['’]\p{Lu}[\p{Ll}\p{M}]{1,30})`;
const NAME = String.raw`${NAME_WORD}(?: ${NAME_WORD})?(?![\p{L}\p{M}])`;
/** Greetings of the languages support mail is usually written in (a regular expression's alternatives). */
export const GREETINGS = 'Hi|Hello|Hey|Dear|Good morning|Good afternoon|Good evening|Hej|Hei|Hallo|Hola|Bonjour|Salut|Ciao|Olá|Oi|Moin|Servus|Liebe|Lieber|Beste|Buongiorno|Buenos días';
/** Sign-offs under which a name is signed, in the same languages (a regular expression's alternatives). */
export const SIGN_OFFS = 'Thanks|Thank you|Regards|Cheers|Best|Sincerely|Best regards|Kind regards|Warm regards|Many thanks|Met vriendelijke groet|Mit freundlichen Grüßen|Viele Grüße|Beste Grüße|Cordialement|Bien à vous|Saludos|Un saludo|Cordiali saluti|Med vänlig hälsning|Vänliga hälsningar|Med venlig hilsen|Pozdrawiam';
/** Words that follow a greeting or a thanks without being anyone's name. */
const NOT_NAMES = String.raw`(?!(?:Team|There|All|Everyone|Again|For|So|Very|In|To|A)(?![\p{L}\p{M}]))`;
/** People naming themselves, people greeted ("Hi Maria,", "Dear Mr Smith", "Hej Åsa"), thanked ("thanks Dmitri Ivanov"), and names under sign-offs. */
export const SELF_NAMES: [RegExp, string][] = [
  [new RegExp(String.raw`(?<![\p{L}\p{M}])(${GREETINGS})( (?:Mr|Mrs|Ms|Dr|Herr|Frau|Mme|M|Sr|Sra)?\.? ?)${NOT_NAMES}${NAME}`, 'gu'), '$1$2[NAME]'],
  [new RegExp(String.raw`(?<![\p{L}\p{M}])(${SIGN_OFFS})(,?[ \t]{0,3}\n[ \t]{0,3}|,[ \t]{0,3})${NOT_NAMES}${NAME}`, 'gu'), '$1$2[NAME]'],
  [new RegExp(String.raw`(?<![\p{L}\p{M}])([Tt]hanks|[Tt]hank you)( )${NOT_NAMES}${NAME}`, 'gu'), '$1$2[NAME]'],
  [new RegExp(String.raw`\b([Mm]y name is)( )${NAME}`, 'gu'), '$1$2[NAME]'],
  [new RegExp(String.raw`\b(I'm|I am)( )${NAME_WORD} ${NAME_WORD}(?![\p{L}\p{M}])`, 'gu'), '$1$2[NAME]'],
  [new RegExp(String.raw`\b([Tt]hanks|[Tt]hank you|[Rr]egards|[Cc]heers|[Bb]est|[Ss]incerely)(,? ?\n? ?)${NAME}\s*$`, 'gu'), '$1$2[NAME]'],
];
