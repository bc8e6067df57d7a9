import { redact } from '../../core/feedback/redact.js';

const EMAIL_DOMAIN = /@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/g;
const WORD = /[\p{L}\p{M}'’-]+/gu;

/**
 * Redaction for everything kept from one past conversation: the people and organization it names
 * (each word of their names of two letters or more, in any case; emails whole), the customer's own
 * domains (from the emails in the customer's words), and everything `redact` finds. Names are looked
 * up word by word in a set: one linear pass, however many people the export names.
 */
export function conversationRedactor(names: readonly string[], customerText: string): (text: string) => string {
  const words = new Set(names.filter((n) => !n.includes('@')).flatMap((n) => n.match(WORD) ?? []).filter((w) => w.length >= 2).map((w) => w.toLowerCase()));
  const customerDomains = [...new Set([...customerText.matchAll(EMAIL_DOMAIN)].map((m) => m[1]!.toLowerCase()))];
  return (text) => {
    const out = redact(text, { customerDomains });
    if (words.size === 0) return out;
    // A full name reads as one placeholder, as a single-word one does.
    return out.replace(WORD, (w) => (words.has(w.toLowerCase()) ? '[NAME]' : w)).replace(/\[NAME\](?: \[NAME\])+/g, '[NAME]');
  };
}
