import { createRequire } from 'node:module';
import { nameWordsOf, redact } from '../../core/feedback/redact.js';
import { isEnglishWord } from '../../core/guard/english.js';

const EMAIL_DOMAIN = /@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/g;
/** Second-level labels under a country's domain ("initech.co.uk"): the organization's name is the label before them. */
const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'ac', 'gov', 'edu', 'ne', 'or', 'gv', 'ltd', 'plc']);

/** Mail providers anyone may use (gmail.com, web.de...): their names are no customer's, loaded on first use. */
let providers: ReadonlySet<string> | undefined;
function isMailProvider(domain: string): boolean {
  providers ??= new Set(createRequire(import.meta.url)('email-providers/all.json') as string[]);
  return providers.has(domain);
}

/**
 * The organization's name in its email domain: "initech" of "mail.initech.co.uk". None for a mail
 * provider's, nor one that is an English word ("monday", "box"): taken out wherever it stands, it would
 * take "every Monday" out of the answers of that customer's tickets.
 */
export function organizationWord(domain: string): string | undefined {
  if (isMailProvider(domain)) return undefined;
  const labels = domain.toLowerCase().split('.').slice(0, -1);
  if (labels.length > 1 && SECOND_LEVEL.has(labels.at(-1)!)) labels.pop();
  const word = labels.at(-1);
  return word && word.length >= 3 && !isEnglishWord(word) ? word : undefined;
}

/**
 * Redaction for everything kept from one past conversation: the people and organization it names and
 * every person the export's user lists name (`known`: each word of their names of two letters or more,
 * in any case; emails whole), the customer's own domains (from the emails in the customer's words and
 * `customerEmails`) and the organization each names ("For Initech we enabled…" of a customer at
 * initech.example), and everything `redact` finds, national phone numbers of `regions` first. The
 * vendor's own support addresses (`keep`) stay. Names are looked up word by word in a set: one linear
 * pass, however many people the export names.
 */
export function conversationRedactor(
  names: readonly string[],
  customerText: string,
  {
    keep = [],
    known,
    regions = [],
    customerEmails = [],
  }: { keep?: readonly string[] | undefined; known?: ReadonlySet<string> | undefined; regions?: readonly string[] | undefined; customerEmails?: readonly string[] | undefined } = {},
): (text: string) => string {
  const vendorDomains = new Set(keep.map((a) => a.slice(a.lastIndexOf('@') + 1).toLowerCase()));
  const customerDomains = [...new Set([...`${customerText}\n@${customerEmails.join('\n@')}`.matchAll(EMAIL_DOMAIN)].map((m) => m[1]!.toLowerCase()))].filter((d) => !vendorDomains.has(d));
  const own = nameWordsOf(names);
  for (const d of customerDomains) {
    const word = organizationWord(d);
    if (word) own.add(word);
  }
  const isName = (w: string) => own.has(w) || known?.has(w) === true;
  return (text) => redact(text, { customerDomains, keep, isName, regions });
}
