import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { KnowledgeEntry } from '../../src/core/ports/knowledge.js';
import { useCliSession } from './cli-session.js';

const cli = useCliSession('baton-vendor-exports-');
const EXPORTS = new URL('../fixtures/exports/', import.meta.url).pathname;

/** A policy as a team writes it: three accounts (one found by its email domain), the vendor's Slack team and support address. */
const POLICY = `vendor: { team_ids: [T0VENDOR01], enterprise_ids: [E0VENDOR], support_addresses: [support@vendor.example] }
accounts:
  - { id: acme, name: Acme Corp, tier: enterprise, channels: [C0ACME0001], phone_regions: [ES] }
  - { id: globex, name: Globex Industries, tier: growth, channels: [C0GLOBEX01] }
  - { id: initech, name: Initech, tier: growth, channels: [C0INITECH1], email_domains: [initech.example] }
queues: [{ id: support, channel: C0SUPPORT1, role: support specialist, sla_minutes: 60 }]
routing: { default_queue: support }
root_causes: [{ id: kb_gap, label: KB gap }]
categories:
  - name: billing
    risk: medium
    topics: [{ name: duplicate_charge }, { name: invoice_pdf }]
  - { name: out_of_scope, risk: low }
`;

async function ingest(...args: string[]): Promise<{ code: number; byId: Map<string, KnowledgeEntry>; kb: string }> {
  const config = join(cli.dir, 'baton.yaml');
  if (!existsSync(config)) writeFileSync(config, POLICY);
  const kb = join(cli.dir, 'kb.jsonl');
  const code = await runCli(['kb', 'ingest', '--quiet', '--config', config, '--kb', kb, ...args]);
  const lines = existsSync(kb) ? readFileSync(kb, 'utf8').split('\n').filter(Boolean) : [];
  return { code, kb, byId: new Map(lines.map((l) => JSON.parse(l) as KnowledgeEntry).map((e) => [e.id, e])) };
}

const stored = (byId: Map<string, KnowledgeEntry>) => JSON.stringify([...byId.values()].map((e) => [e.question, e.answer, e.title]));

describe('kb ingest: exports as the vendors deliver them', () => {
  it('Zendesk: incremental tickets joined to the ticket event export\u2019s comment events, users, groups and organizations', async () => {
    const { code, byId } = await ingest(join(EXPORTS, 'zendesk-incremental'));
    expect(code).toBe(0);
    expect(byId.get('zendesk:48001')).toMatchObject({ kind: 'conversation', purpose: 'history', account: 'acme', category: 'Billing', topic: 'duplicate_charge' });
    expect(byId.get('zendesk:48001')?.answer).toBe("I've refunded the duplicate charge of EUR 1,240.00. A duplicate charge is refunded to the card it was taken from within 5 to 10 business days; the invoice itself stays valid.");
    expect(byId.get('zendesk:48002')).toMatchObject({ purpose: 'history', account: 'globex', category: 'Tier 1 Support', topic: 'sso_setup' });
    expect(byId.get('zendesk:48002')?.answer).toBe('In Azure, set the Reply URL to https://sso.vendor.example/saml/acs exactly, with no trailing slash, then retry. [NAME] on our billing team can help with seats if needed.');
    expect(byId.has('zendesk:48003')).toBe(false); // still open
    // Personal data, a secret and an internal note planted in the comments; Priya and Svetlana are named only in the users list.
    for (const planted of ['Maria', 'Keller', 'DE123456789', '030 12345678', 'Hauptstraße', 'acme.example', 'SK0123', '07911', 'Priya', 'Svetlana', 'ch_3Pq', 'Finance approved', 'INV-88120']) {
      expect(stored(byId)).not.toContain(planted);
    }
    expect(cli.out).toMatch(/zendesk-incremental\/tickets\.json \(Zendesk\): 0 answer\(s\), 3 history, 0 question-only example\(s\); skipped 1 not resolved/);
    expect(cli.out).toMatch(/ticket_events\.json: 9 object\(s\) joined to the records/);
    // "Refunds" (a Zendesk group) and "cancellation" are not in the policy: listed with the snippet that files them.
    // The same listing as kb stats: named as triage reads them, with the policy lines that file them.
    expect(cli.out).toContain('imported categories or topics the policy does not list: each is triaged at triage.unknown_topic_risk (high)');
    expect(cli.out).toContain('  category Refunds: 1 record(s)');
    expect(cli.out).toContain('  - name: "Refunds"\n    risk: high');
  });

  it('a re-import without the users and organizations files keeps each record\u2019s account and redaction', async () => {
    const dir = join(cli.dir, 'zendesk');
    mkdirSync(dir);
    for (const f of readdirSync(join(EXPORTS, 'zendesk'))) copyFileSync(join(EXPORTS, 'zendesk', f), join(dir, f));
    const first = await ingest(dir);
    expect(first.byId.get('zendesk:35436')).toMatchObject({ account: 'acme' });
    const again = await ingest(join(dir, 'tickets.json'));
    expect(again.code).toBe(0);
    expect(again.byId.get('zendesk:35436')).toEqual(first.byId.get('zendesk:35436'));
    expect(again.byId.get('zendesk:35437')).toEqual(first.byId.get('zendesk:35437'));
    expect(cli.out).toMatch(/name people the export's users file does not hold/);
  });

  it('an Intercom re-import without its contacts and companies keeps the accounts they gave', async () => {
    await ingest(join(EXPORTS, 'intercom-companies'));
    const { byId } = await ingest(join(EXPORTS, 'intercom-companies', 'conversations.json'));
    expect(byId.get('intercom:2100000001')?.account).toBe('acme');
    expect(byId.get('intercom:2100000002')?.account).toBe('initech');
  });

  it('national phone numbers of the account’s own regions are redacted (phone_regions)', async () => {
    const file = join(cli.dir, 'tickets.jsonl');
    writeFileSync(file, `${JSON.stringify({ id: 'jp1', account: 'acme', question: 'Call our Madrid office on 612 345 678 about seats.', answer: 'Admin > Seats.' })}\n`);
    const { byId } = await ingest(file);
    expect(byId.get('jp1')?.question).toBe('Call our Madrid office on [PHONE] about seats.');
  });

  it('ids are namespaced by source: Freshdesk tickets imported after Zendesk ones of the same number overwrite nothing', async () => {
    await ingest(join(EXPORTS, 'zendesk-incremental'));
    const { byId } = await ingest(join(EXPORTS, 'freshdesk-migration'));
    expect(byId.get('zendesk:48001')).toMatchObject({ account: 'acme', topic: 'duplicate_charge' });
    expect(byId.get('freshdesk:48001')).toMatchObject({ account: 'Umbrella', topic: 'audit_log', purpose: 'history' });
  });

  it('Freshdesk CSV without a Group column: recognised by its standard columns, Resolution Notes as the resolution', async () => {
    const { byId } = await ingest(join(EXPORTS, 'freshdesk-migration'));
    expect(byId.get('freshdesk:48001')).toMatchObject({ kind: 'conversation', purpose: 'history', category: 'How-to', answer: 'Admin > Security > Audit log, then Export CSV. Exports cover up to 12 months.' });
    expect(byId.get('freshdesk:48002')).toMatchObject({ kind: 'example', purpose: 'history', question: 'Card declined\nCard [CARD] was declined' });
    expect(cli.out).toMatch(/tickets\.csv \(Freshdesk CSV\): 0 answer\(s\), 1 history, 1 question-only example\(s\)/);
  });

  it('Intercom: the account from the contact\u2019s company or email domain; unresolved ones are history of no account, counted; a bot\u2019s hand-over is no reassignment', async () => {
    const { byId } = await ingest(join(EXPORTS, 'intercom-companies'));
    const pdf = byId.get('intercom:2100000001');
    expect(pdf).toMatchObject({ account: 'acme', purpose: 'history', topic: 'invoice_pdf', needsHumanBecause: ['escalated'] });
    expect(pdf?.answer).toBe('Go to Billing > History, tick the invoices and choose Download as ZIP.');
    expect(byId.get('intercom:2100000002')).toMatchObject({ account: 'initech', answer: 'Yes: Settings > Billing > Contacts, then Add contact.' });
    expect(stored(byId)).not.toContain('Passing to billing');
    const dark = byId.get('intercom:2100000003');
    expect(dark?.account).toBeUndefined();
    expect(dark?.purpose).toBe('history');
    expect(cli.out).toMatch(/conversations\.json \(Intercom\): 0 answer\(s\), 3 history \(1 of no account\)/);
    expect(cli.out).toMatch(/1 conversation\(s\) of no account/);
  });

  it('Help Scout: account from a custom field or the email domain; drafts never imported; a thank-you after close is no reopen', async () => {
    const { byId } = await ingest(join(EXPORTS, 'helpscout-accounts'));
    const seats = byId.get('helpscout:3100000001');
    expect(seats).toMatchObject({ account: 'globex', purpose: 'history', topic: 'seats', answer: 'Go to Admin > Seats and click Add seat; billing is pro-rated.' });
    expect(seats?.needsHuman).toBeUndefined();
    expect(seats?.question).toBe('How do I add seats for two new hires? Call [NAME] on [PHONE].');
    expect(byId.get('helpscout:3100000002')).toMatchObject({ account: 'initech' });
    expect(byId.get('helpscout:3100000003')?.account).toBeUndefined();
    expect(stored(byId)).not.toMatch(/legacy plan|never sent|Nora|Hana/);
  });

  it('Slack: the zip as Slack delivers it, and an Enterprise Grid export with org_users.json', async () => {
    const folder = join(EXPORTS, 'slack-export');
    const files: Record<string, Uint8Array> = {};
    const walk = (d: string) => {
      for (const f of readdirSync(d)) {
        const p = join(d, f);
        if (statSync(p).isDirectory()) walk(p);
        else files[relative(folder, p)] = readFileSync(p);
      }
    };
    walk(folder);
    const zip = join(cli.dir, 'Vendor Slack export Oct 1 2026 - Oct 5 2026.zip');
    writeFileSync(zip, zipSync(files));
    const fromZip = await ingest(zip);
    expect(fromZip.code).toBe(0);
    expect(fromZip.byId.get('slack:C0GLOBEX01:1759400000.000100')).toMatchObject({ account: 'globex', purpose: 'history', answer: 'Invoices are under Billing > History; each one has a PDF link.' });
    const grid = await ingest(join(EXPORTS, 'slack-grid'));
    expect(grid.byId.get('slack:C0INITECH1:1759830000.000100')).toMatchObject({
      account: 'initech',
      question: 'How do I rename a project? [NAME], [PHONE]',
      answer: 'Open the project menu and choose *Rename*. [NAME] can do it as an owner.',
    });
    expect(cli.out).toMatch(/slack-grid \(Slack export \(Enterprise Grid\)\): 0 answer\(s\), 1 history/);
  });
});
