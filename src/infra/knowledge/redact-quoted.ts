import { nameWordsOf, redact } from '../../core/feedback/redact.js';

const EMAIL_DOMAIN = /@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/g;

/**
 * Redaction for everything kept from one past conversation: the people and organization it names and
 * every person the export's user lists name (`known`: each word of their names of two letters or more,
 * in any case; emails whole), the customer's own domains (from the emails in the customer's words), and
 * everything `redact` finds, national phone numbers of `regions` first. The vendor's own support addresses (`keep`) stay. Names are looked up word
 * by word in a set: one linear pass, however many people the export names.
 */
export function conversationRedactor(
  names: readonly string[],
  customerText: string,
  { keep = [], known, regions = [] }: { keep?: readonly string[] | undefined; known?: ReadonlySet<string> | undefined; regions?: readonly string[] | undefined } = {},
): (text: string) => string {
  const own = nameWordsOf(names);
  const isName = (w: string) => own.has(w) || known?.has(w) === true;
  const customerDomains = [...new Set([...customerText.matchAll(EMAIL_DOMAIN)].map((m) => m[1]!.toLowerCase()))];
  return (text) => redact(text, { customerDomains, keep, isName, regions });
}
