import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { actionClaims } from '../../src/core/guard/action-claims.js';
import { loadKnowledge } from '../../src/infra/knowledge/jsonl-knowledge-store.js';

/**
 * A team's first import, as a new team would run it: Acme Corp's Zendesk tickets, a chat tool's
 * conversations that carry no account at all, and a short Q&A file the team wrote for customers
 * (`--answers`). The resolutions are full of what must never reach another customer, nor a colleague
 * asking later: another company's name and VAT id, an employee's name, a tenant id, an amount, dates,
 * claims of actions taken for someone else, closing macros and an assignment remark.
 */
export const PLANTED = [
  'Jonas', 'Weber', 'Becker', 'tn_4f8a2c91', 'DE123456789', 'Initech', '1,240.00', '30 November 2025', '10:42',
  'refunded', 'scheduled the cancellation', 'revoked', 'updated the invoice address', "haven't heard back", 'marking this request as solved',
  'Passing to billing', 'callback', 'Harbour',
];

/** Customers' questions worded like the imported tickets. */
export const WORDED_LIKE_HISTORY = [
  'We were charged twice for our seats this month, can you refund the duplicate charge?',
  'Please cancel our subscription at the end of the current term',
  'Our API key leaked in a public repo, please revoke it',
  'How do I change the invoice address on our account?',
  'Can we get a refund for the duplicate seat charge?',
];

/** The question a curated answer settles, and that answer's words. */
export const CURATED = { question: 'How do I export a report to CSV?', answer: 'Open the report, press Export at the top right and choose CSV.' };

const acmeZendesk = () => {
  const users = [
    { id: 501, name: 'Jonas Weber', email: 'jonas.weber@acme.example', role: 'end-user', organization_id: 16 },
    { id: 601, name: 'Tom Becker', email: 'tom@vendor.example', role: 'agent' },
  ];
  const resolved = (id: number, ask: string, reply: string) => ({
    id, status: 'solved', requester_id: 501, organization_id: 16, via: { channel: 'email' },
    comments: [
      { author_id: 501, public: true, body: ask },
      { author_id: 601, public: false, body: 'Passing to billing, they own this.' },
      { author_id: 601, public: true, body: `Hi Jonas,\n\n${reply}\n\nWe haven't heard back from you in 3 days, so we are marking this request as solved.\n\nBest,\nTom Becker` },
    ],
  });
  const tickets = [
    resolved(9101, WORDED_LIKE_HISTORY[0]!, "I've refunded the duplicate charge of EUR 1,240.00 for tenant tn_4f8a2c91; it shows on your card within 5 days."),
    resolved(9102, WORDED_LIKE_HISTORY[1]!, "I've scheduled the cancellation for the end of your current term on 30 November 2025."),
    resolved(9103, WORDED_LIKE_HISTORY[2]!, "I've revoked the key and the session token; no calls were made with the leaked key after 10:42 UTC."),
    resolved(9104, WORDED_LIKE_HISTORY[3]!, 'I updated the invoice address for Initech GmbH (VAT DE123456789) to 12 Harbour Street. To change it yourself, open Settings > Billing > Invoice address and save.'),
  ];
  return JSON.stringify({ tickets, users, organizations: [{ id: 16, name: 'Acme Corp', external_id: 'acme' }] });
};

/** A chat tool's records: no company on them, so they belong to no account. */
const chats = () =>
  [
    { id: 'chat-1', question: WORDED_LIKE_HISTORY[4], answer: 'Duplicate seat charge refunded for Initech; Jonas Weber asked for a callback. Passing to billing, they own this.' },
    { id: 'chat-2', question: 'Where do I change the invoice address?', answer: 'I updated the invoice address for Initech GmbH (VAT DE123456789). Settings > Billing > Invoice address.' },
  ]
    .map((r) => JSON.stringify(r))
    .join('\n');

/**
 * The six formats as the vendors export them (test/fixtures/exports, written from their documentation),
 * each folder imported as it was delivered: tickets with their users, organizations, events, contacts,
 * companies or channels beside them.
 */
const VENDOR_EXPORTS = ['zendesk', 'zendesk-incremental', 'helpscout', 'helpscout-accounts', 'intercom', 'intercom-companies', 'freshdesk', 'freshdesk-history', 'freshdesk-migration', 'slack-export', 'slack-grid'];
const EXPORTS = new URL('../fixtures/exports/', import.meta.url).pathname;

/** What the vendor exports plant: their people, their organizations and one account's secrets. */
const PLANTED_IN_EXPORTS = [
  'Maria', 'Keller', 'Priya', 'Natarajan', 'Svetlana', 'Okafor', 'Tom Baker', 'Jane Roe', 'Peter Gibbons', 'Rachel', 'Ana Ruiz', 'Nora', 'Hana',
  'Dana Fox', 'Lee Chan', 'Sam Ortiz', 'Kim Park', 'Lars Berg', 'Umbrella', 'Acme GmbH', 'Globex Industries', 'AADSTS50011', 'TWILIO',
];

/** A new account of the policy with no history at all: its channel, and the policy file that lists it. */
export const NEWCOMER = { id: 'initrode', name: 'Initrode', channel: 'C0INITRD01' };
export function withNewcomer(dir: string, config: string): string {
  const text = readFileSync(config, 'utf8')
    .replace(/^accounts:\n/m, `accounts:\n  - { id: ${NEWCOMER.id}, name: ${NEWCOMER.name}, tier: growth, channels: [${NEWCOMER.channel}] }\n`)
    // The Slack export's workspace is the vendor's: its people are staff.
    .replace(/team_ids: \[T0BATON001\]/, 'team_ids: [T0BATON001, T0VENDOR01]')
    // As the team would after reading kb ingest's listing: Zendesk's "Billing" group is their billing.
    // The helpdesks' "Refund", "Refunds" and "Cancellation" stay unlisted: high risk, a person takes them.
    .replace(/^categories:\n/m, 'categories:\n  - { name: Billing, risk: medium }\n')
    // Every question here is a whole one: none waits for the customer to type more.
    .replace(/window_seconds: \d+/, 'window_seconds: 0');
  const file = join(dir, 'policy.yaml');
  writeFileSync(file, text);
  return file;
}

/**
 * Imports all of it with the documented commands into `kb` (`kb ingest` per export, `--answers` for
 * the team's own Q&A); the policy's accounts are checked against `config`.
 */
export async function importAsATeamWould(dir: string, kb: string, config: string): Promise<void> {
  writeFileSync(join(dir, 'zendesk-acme.json'), acmeZendesk());
  writeFileSync(join(dir, 'chats.jsonl'), chats());
  writeFileSync(join(dir, 'faq.csv'), `question,answer\n${CURATED.question},"${CURATED.answer}"\n`);
  const files = [join(dir, 'zendesk-acme.json'), join(dir, 'chats.jsonl'), ...VENDOR_EXPORTS.map((e) => join(EXPORTS, e))];
  for (const file of files) expect(await runCli(['kb', 'ingest', '--quiet', '--kb', kb, '--config', config, file])).toBe(0);
  expect(await runCli(['kb', 'ingest', '--quiet', '--answers', '--kb', kb, '--config', config, join(dir, 'faq.csv')])).toBe(0);
}

/** The customers' questions of every imported conversation, as a new customer would word them (redaction marks left out). */
export function askedInImports(kb: string): string[] {
  const asked = loadKnowledge(kb)
    .filter((e) => e.kind === 'conversation')
    .map((e) => e.question.split('\n')[0]!.replace(/\[[A-Z_]+\]/g, '').replace(/[\s,.]+$/, '').trim());
  return [...new Set(asked)].filter((q) => q.length > 10);
}

/** The closing macros of the helpdesks: what a ticket's lifecycle says, never an answer. */
const MACRO = /heard back|marking this (?:request|ticket)|(?:ticket|request) will (?:re-?open|close)|reply to this email/i;

/**
 * What a text customers of `asker` saw must not carry: a planted item, another account's name, a
 * claim of an action taken, a closing macro. Each finding is named.
 */
export function untrustworthy(text: string, asker: string): string[] {
  const others = ['Acme', 'Globex', 'Initech', NEWCOMER.name].filter((name) => name.toLowerCase() !== asker.toLowerCase() && !name.toLowerCase().startsWith(asker.toLowerCase()));
  return [
    ...plantedIn(text).map((p) => `planted: ${p}`),
    ...PLANTED_IN_EXPORTS.filter((p) => text.includes(p)).map((p) => `planted in an export: ${p}`),
    ...(text.match(/[\w.+-]+@[\w-]+\.[\w.]+/g) ?? []).map((email) => `an email address: ${email}`),
    ...others.filter((name) => new RegExp(`\\b${name}\\b`, 'i').test(text)).map((name) => `names another account: ${name}`),
    ...actionClaims(text).map((c) => `claims an action: ${c.phrase}`),
    ...(MACRO.test(text) ? ['a closing macro'] : []),
  ];
}

/** The planted items a customer-visible text carries. */
export function plantedIn(text: string): string[] {
  return PLANTED.filter((p) => text.toLowerCase().includes(p.toLowerCase()));
}
