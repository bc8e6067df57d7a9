import { compile } from 'html-to-text';

/** The signature blocks mail clients and helpdesks mark as such (Gmail, Outlook, Thunderbird, Apple Mail, helpdesk macros). */
const SIGNATURES = ['.gmail_signature', '.signature', '#Signature', '.moz-signature', '#AppleMailSignature'];

const toText = compile({
  wordwrap: false,
  selectors: [{ selector: 'a', options: { hideLinkHrefIfSameAsText: true } }, { selector: 'img', format: 'skip' }, ...SIGNATURES.map((selector) => ({ selector, format: 'skip' }))],
});
const LOOKS_LIKE_HTML = /<\/?[a-z][a-z0-9]*(\s[^>]*)?\/?>|&(?:[a-z]+|#\d+);/i;

/** Plain text of a message body that may be HTML (Intercom, Freshdesk, Help Scout, Zendesk's html_body), without its marked signature. */
export function plainText(body: string): string {
  return (LOOKS_LIKE_HTML.test(body) ? toText(body) : body).trim();
}
