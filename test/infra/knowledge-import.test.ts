import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingest, type IngestSummary } from '../../src/cli/kb/ingest.js';
import type { KnowledgeEntry } from '../../src/core/ports/knowledge.js';
import { JsonlKnowledgeStore } from '../../src/infra/knowledge/jsonl-knowledge-store.js';

const EXPORTS = new URL('../fixtures/exports/', import.meta.url).pathname;
/** The shipped example policy's accounts and Slack workspace, as `baton kb ingest` reads them. */
const accounts = new Map([['acme', 'acme'], ['acme corp', 'acme'], ['globex', 'globex'], ['globex industries', 'globex']]);
const slack = { staffTeams: new Set(['T0VENDOR01']), staffEnterprises: new Set<string>(), channelAccounts: new Map([['C0ACME0001', 'acme'], ['C0GLOBEX01', 'globex']]) };

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'baton-import-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function importFixture(name: string): Promise<{ s: IngestSummary; byId: Map<string, KnowledgeEntry> }> {
  const store = new JsonlKnowledgeStore(join(dir, 'kb.jsonl'));
  const s = await ingest([join(EXPORTS, name)], store, { accounts, slack });
  return { s, byId: new Map((await store.loadAll()).map((e) => [e.id, e])) };
}

const skippedReasons = (s: IngestSummary) => Object.fromEntries([...s.skipped].map(([reason, v]) => [reason, v.count]));
/** Nothing a customer wrote and nothing internal: what another customer could be shown of an entry. */
const shown = (e: KnowledgeEntry | undefined) => `${e?.title ?? ''}\n${e?.answer ?? ''}`;

describe('importing real helpdesk exports', () => {
  it('Zendesk: roles from sideloaded users, internal notes kept out, organization and group as account and category, metrics as outcomes', async () => {
    const { s, byId } = await importFixture('zendesk');
    expect(skippedReasons(s)).toEqual({ 'not resolved (status "open")': 1 });
    expect(byId.get('zendesk:35436')).toMatchObject({ account: 'acme', category: 'Billing', topic: 'invoice_address', title: 'Invoice address' });
    expect(byId.get('zendesk:35436')?.answer).toBe('Go to Settings > Billing and edit Invoice address. The next invoice uses the new address.');
    expect(JSON.stringify(byId.get('zendesk:35436'))).not.toContain('legacy plan');
    const refund = byId.get('zendesk:35437');
    expect(refund).toMatchObject({ account: 'globex', needsHuman: true, needsHumanBecause: ['flagged', 'reassigned', 'reopened'] });
    expect(refund?.answer).toBe('We refunded the duplicate charge; it reaches your account in 5 to 10 business days. Order [ID] is unaffected.');
    for (const leaked of ['Harbour', '718', 'Maria', 'Lopez', 'Jonas', '9876543', 'DE89', '4111', 'INV-20931', 'legacy plan', 'Stripe']) {
      expect(JSON.stringify([...byId.values()].map((e) => [e.question, e.answer, e.title]))).not.toContain(leaked);
    }
  });

  it('Intercom: source and parts by author type, notes internal, HTML made text, a bot that had to hand over is an escalation', async () => {
    const { s, byId } = await importFixture('intercom');
    expect(skippedReasons(s)).toEqual({ 'not resolved (status "open")': 1 });
    const sso = byId.get('intercom:1911149811');
    expect(sso).toMatchObject({ category: 'account_access', topic: 'sso_setup', needsHumanBecause: ['escalated'] });
    expect(sso?.answer).toBe('In Azure, set the Reply URL to https://sso.vendor.example/saml/acs exactly, with no trailing slash, then retry.');
    expect(sso?.question).toBe("Hello, our SAML login fails with error AADSTS50011. I'm [NAME], [EMAIL]\nThat didn't help, still failing.");
    expect(shown(sso)).not.toMatch(/ENG-4411|Dana|<p>|SSO guide/);
    const csv = byId.get('intercom:1911149812');
    expect(csv?.question).toBe('How can I export my dashboard to CSV?\nThe revenue one.');
    expect(csv?.answer).toBe('Open it, click Export in the top right and choose CSV. Large exports arrive by email within a few minutes.');
    // Intercom counts the customer's thanks after the close as a reopen; nobody had to answer again.
    expect(csv?.needsHumanBecause).toBeUndefined();
  });

  it('Freshdesk JSON and CSV: incoming and private flags, numeric status, type as category, SLA escalation; the CSV\u2019s real headers', async () => {
    const { s, byId } = await importFixture('freshdesk');
    expect(skippedReasons(s)).toEqual({ 'not resolved (status "open")': 2, 'not a record': 1 });
    const refund = byId.get('freshdesk:20');
    expect(refund).toMatchObject({ account: 'Umbrella', category: 'Refund', topic: 'refund_request', needsHumanBecause: ['escalated'] });
    expect(refund?.answer).toBe('We issued a pro-rated refund for the unused months of the annual plan. It shows on your statement within 5 business days.');
    expect(shown(refund)).not.toMatch(/finance|Rachel|Ben/);
    const row = byId.get('freshdesk:31');
    expect(row).toMatchObject({ kind: 'example', account: 'Initech', category: 'Billing', topic: 'currency' });
    expect(row?.question).toBe('Change invoice currency\nCan we pay in EUR instead of USD? Contact me at [PHONE], [NAME]');
    expect(row?.answer).toBeUndefined();
  });

  it('Help Scout JSON and CSV: threads put back in order, notes and line items left out, tags as topic', async () => {
    const { s, byId } = await importFixture('helpscout');
    expect(skippedReasons(s)).toEqual({ 'not resolved (status "active")': 2, 'not a record': 1 });
    const seats = byId.get('helpscout:2391938111');
    expect(seats).toMatchObject({ topic: 'seats', title: 'Seats' });
    expect(seats?.question).toBe('Hi, how do I add a seat for our new hire? [NAME], [PHONE]');
    expect(seats?.answer).toBe("Go to Admin > Seats, click Add seat and enter the new hire's email; billing is pro-rated.");
    expect(byId.get('helpscout:2391938200')).toMatchObject({ kind: 'example', account: 'Wayne', topic: 'cancellation', question: 'Cancel my subscription\nPlease cancel our plan at the end of the month.' });
  });

  it('Slack workspace export: threads by thread_ts across days, staff by team id, the channel\u2019s account, the bot\u2019s handover as an escalation', async () => {
    const { s, byId } = await importFixture('slack-export');
    expect(skippedReasons(s)).toEqual({ 'not resolved (status "no staff reply")': 1 });
    const rotate = byId.get('slack:C0ACME0001:1759300100.000200');
    expect(rotate).toMatchObject({ account: 'acme', needsHumanBecause: ['escalated'] });
    expect(rotate?.question).toBe("How do we rotate our API key? Our current one is [SECRET] and I'm [NAME], [PHONE]");
    expect(rotate?.answer).toBe('Go to *Settings > API*, click *Rotate key*, then update your integrations within 24 hours; the old key stops working after that.');
    expect(JSON.stringify(rotate)).not.toContain('done!');
    expect(byId.get('slack:C0GLOBEX01:1759400000.000100')).toMatchObject({ account: 'globex', answer: 'Invoices are under Billing > History; each one has a PDF link.' });
  });

  it('Q&A answers imported with --answers keep neither the email they replied to, nor the greeting and signature around them', async () => {
    const file = join(dir, 'faq.jsonl');
    const records = [
      { id: 'q1', question: 'How do I download invoices?', answer: 'Any admin can download invoices under Settings > Billing > Invoices.\n\nOn Mon, 5 Oct 2026 at 09:12, Maria Lopez <maria@acme.example> wrote:\n> Where are our invoices? We are on the legacy plan.\n> Maria' },
      { id: 'q2', question: 'How do I change the plan?', answer: '<p>Hi Maria,</p><p>Owners change the plan under Settings &gt; Plan.</p><div>-----Original Message-----<br>From: Maria Lopez &lt;maria@acme.example&gt;<br>Sent: Monday<br>we want the enterprise plan</div>' },
      { id: 'q3', question: 'Where do I see seats?', answer: 'Seats are listed under Settings > Members.\n\nBest regards,\nTom Becker' },
    ];
    writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n'));
    const store = new JsonlKnowledgeStore(join(dir, 'kb.jsonl'));
    await ingest([file], store, { answers: true });
    const answers = Object.fromEntries((await store.loadAll()).map((e) => [e.id, e.answer]));
    expect(answers).toEqual({
      q1: 'Any admin can download invoices under Settings > Billing > Invoices.',
      q2: 'Owners change the plan under Settings > Plan.',
      q3: 'Seats are listed under Settings > Members.',
    });
  });
});

