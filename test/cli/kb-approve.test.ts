import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { JsonlKnowledgeStore } from '../../src/infra/knowledge/jsonl-knowledge-store.js';
import { useCliSession } from './cli-session.js';

const cli = useCliSession('baton-approve-');
const ZENDESK = new URL('../fixtures/exports/zendesk', import.meta.url).pathname;

async function importZendesk(): Promise<string> {
  const kb = join(cli.dir, 'kb.jsonl');
  expect(await runCli(['kb', 'ingest', '--quiet', '--kb', kb, '--config', 'config/baton.yaml', ZENDESK])).toBe(0);
  cli.out = '';
  return kb;
}
const entry = async (kb: string, id: string) => (await new JsonlKnowledgeStore(kb).loadAll()).find((e) => e.id === id);

describe('kb approve: an account\u2019s resolution shared with every customer by a lead', () => {
  it('lists what waits, with the text as it would be quoted; the one that needed a person is not offered', async () => {
    const kb = await importZendesk();
    expect(await runCli(['kb', 'approve', '--list', '--kb', kb])).toBe(0);
    expect(cli.out).toContain('1 imported resolution(s), quoted to no customer');
    expect(cli.out).toMatch(/35436 {2}\[account acme, topic invoice_address, category Billing\]\n\s+title: {2}Invoice address\n\s+answer, exactly:\n\s+\| Go to Settings > Billing and edit Invoice address. The next invoice uses the new address.\n\s+marked:\n\s+\(nothing marked\)/);
    expect(cli.out).not.toContain('zendesk:35437');
  });

  it('prints each waiting answer whole, however long', async () => {
    const kb = await importZendesk();
    const long = `${'Open Settings > Billing, pick the invoice and choose Edit address. '.repeat(4)}The last sentence is here.`;
    const store = new JsonlKnowledgeStore(kb);
    await store.upsert([{ ...(await entry(kb, 'zendesk:35436'))!, answer: long }]);
    expect(await runCli(['kb', 'approve', '--list', '--kb', kb])).toBe(0);
    expect(cli.out).toContain(`| ${long}\n`);
  });

  it('lists the text as approving it as it stands would store it, every account\u2019s name redacted', async () => {
    const kb = await importZendesk();
    const store = new JsonlKnowledgeStore(kb);
    await store.upsert([{ ...(await entry(kb, 'zendesk:35436'))!, answer: 'Like Globex, go to Settings > Billing and edit Invoice address.' }]);
    expect(await runCli(['kb', 'approve', '--list', '--kb', kb])).toBe(0);
    const listed = /\| (.*)\n/.exec(cli.out)![1]!;
    expect(listed).not.toContain('Globex');
    expect(await runCli(['kb', 'approve', 'zendesk:35436', '--confirm-marked', '--kb', kb])).toBe(0);
    expect((await entry(kb, 'zendesk:35436'))?.answer).toBe(listed);
  });

  it('refuses an answer that still carries what redaction missed, until it is edited out or confirmed', async () => {
    const kb = await importZendesk();
    const leaky = 'Acme Corp (VAT DE811907980) can call 030 12345678; TWILIO_API_KEY=SKa1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6 is set.';
    expect(await runCli(['kb', 'approve', 'zendesk:35436', '--answer', leaky, '--kb', kb])).toBe(1);
    // Redaction for approved text takes out the account's name, the VAT id, the phone number and the key; each placeholder is marked and blocks.
    expect(cli.err).toContain('Nothing approved: marked span(s) are left in: redacted: "[NAME]"; redacted: "[VAT]"; redacted: "[PHONE]"; redacted: "[SECRET]"');
    expect((await entry(kb, 'zendesk:35436'))?.account).toBe('acme');
  });

  it('approves an edited answer for everyone, redacting what the edit brought in', async () => {
    const kb = await importZendesk();
    const edited = 'Go to Settings > Billing > Invoice address. Questions? Write to billing-help@acme.example.';
    expect(await runCli(['kb', 'approve', 'zendesk:35436', '--answer', edited, '--by', 'lead-ana', '--kb', kb])).toBe(1);
    expect(cli.err).toContain('redacted: "[EMAIL]"');
    expect(await runCli(['kb', 'approve', 'zendesk:35436', '--answer', edited, '--confirm-marked', '--by', 'lead-ana', '--kb', kb])).toBe(0);
    const shared = await entry(kb, 'zendesk:35436');
    expect(shared?.account).toBeUndefined();
    expect(shared).toMatchObject({ purpose: 'answer', answer: 'Go to Settings > Billing > Invoice address. Questions? Write to [EMAIL].', shared: { from: 'acme', by: 'lead-ana' } });
    expect(await runCli(['kb', 'approve', 'zendesk:35436', '--kb', kb])).toBe(2);
    expect(cli.err).toContain("35436 is not an account's resolution waiting for approval");
  });

  it('lets the lead edit the answer in their editor before approving', async () => {
    const kb = await importZendesk();
    const before = process.env.EDITOR;
    process.env.EDITOR = "sed -i 's/The next invoice/Your next invoice/'";
    try {
      expect(await runCli(['kb', 'approve', 'zendesk:35436', '--edit', '--kb', kb])).toBe(0);
    } finally {
      if (before === undefined) delete process.env.EDITOR;
      else process.env.EDITOR = before;
    }
    expect((await entry(kb, 'zendesk:35436'))?.answer).toBe('Go to Settings > Billing and edit Invoice address. Your next invoice uses the new address.');
    expect(cli.out).toContain('Approved zendesk:35436 for every customer (from account acme)');
  });
});
