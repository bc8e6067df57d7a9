import { redact } from '../../core/feedback/redact.js';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const EMAIL_DOMAIN = /@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/g;

/**
 * Redaction for everything kept from one past conversation: the people it names (each full name and
 * each word of it of 3 letters or more; emails whole), the customer's own domains (from the emails in
 * the customer's words), and everything `redact` finds.
 */
export function conversationRedactor(names: readonly string[], customerText: string): (text: string) => string {
  const parts = [...new Set(names.flatMap((n) => (n.includes('@') ? [n] : [n, ...n.split(/\s+/)])).map((p) => p.trim()).filter((p) => p.length >= 3))];
  const byLength = parts.sort((a, b) => b.length - a.length).map(escapeRegExp);
  const people = byLength.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${byLength.join('|')})(?![\\p{L}\\p{N}])`, 'giu') : undefined;
  const customerDomains = [...new Set([...customerText.matchAll(EMAIL_DOMAIN)].map((m) => m[1]!.toLowerCase()))];
  return (text) => {
    const out = redact(text, { customerDomains });
    return people ? out.replace(people, '[NAME]') : out;
  };
}
