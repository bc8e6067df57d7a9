import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { runCli } from '../../src/cli/main.js';
import { JsonlKnowledgeStore } from '../../src/infra/knowledge/jsonl-knowledge-store.js';
import { useCliSession } from './cli-session.js';

const cli = useCliSession('baton-suggest-');
/** A Freshdesk API v2 export: seven tickets of three topics, with signatures, a closing macro, quoted emails, internal notes and action claims. */
const EXPORT = new URL('../fixtures/exports/freshdesk-history', import.meta.url).pathname;

type Item = { topic: string; conversations: number; answer: string; marked: Record<string, string>[]; decision: string; for: string; confirm_marked: boolean };

async function imported(): Promise<string> {
  const kb = join(cli.dir, 'kb.jsonl');
  expect(await runCli(['kb', 'ingest', '--quiet', '--kb', kb, '--config', 'config/baton.yaml', EXPORT])).toBe(0);
  cli.out = '';
  return kb;
}

async function suggested(kb: string): Promise<{ file: string; items: Item[] }> {
  const file = join(cli.dir, 'review.yaml');
  expect(await runCli(['kb', 'suggest', '--out', file, '--kb', kb, '--config', 'config/baton.yaml'])).toBe(0);
  return { file, items: parse(readFileSync(file, 'utf8')) as Item[] };
}

const edit = (file: string, items: Item[]) => writeFileSync(file, stringify(items));
const approve = (file: string, kb: string) => runCli(['kb', 'approve', '--file', file, '--by', 'lead-ana', '--kb', kb, '--config', 'config/baton.yaml']);

describe('kb suggest: the history\u2019s top topics, each with an answer to review', () => {
  it('lists topics by volume with the cleaned, most representative resolution as the exact text, and marks what is one ticket\u2019s', async () => {
    const kb = await imported();
    expect(await runCli(['kb', 'suggest', '--kb', kb, '--config', 'config/baton.yaml'])).toBe(0);
    expect(cli.out).toMatch(/^1\. refund_request \(Refund\): 4 conversation\(s\)/);
    expect(cli.out).toContain('2. sso_setup (Account access): 2 conversation(s)');
    expect(cli.out).toContain('| Refunds of a duplicate charge go back to the original payment method and show on your statement within 5-10 business days. Billing > Payments lists each charge and its refund.\n');
    expect(cli.out).toContain("action: I've scheduled the cancellation");
    for (const leftover of ['Tom', 'Best regards', 'heard back', 'wrote:', 'Sent:', 'Passing to billing', 'EUR 1,240.00', 'reopen']) expect(cli.out).not.toContain(leftover);
    cli.out = '';
    expect(await runCli(['kb', 'suggest', '--top', '1', '--kb', kb, '--config', 'config/baton.yaml'])).toBe(0);
    expect(cli.out).not.toContain('2. sso_setup');
  });

  it('round-trips a review file: approvals for everyone and one account, a marked span blocking until rejected', async () => {
    const kb = await imported();
    const { file, items } = await suggested(kb);
    expect(items.map((i) => [i.topic, i.conversations, i.decision])).toEqual([
      ['refund_request', 4, 'pending'],
      ['sso_setup', 2, 'pending'],
      ['cancellation', 1, 'pending'],
    ]);
    expect(items[2]!.marked).toEqual([{ action: "I've scheduled the cancellation for the end of your current term on 30 November 2025" }]);

    items[0]!.decision = 'approve';
    items[1]!.decision = 'approve';
    items[1]!.for = 'globex';
    items[1]!.answer = `${items[1]!.answer}\n\nYour SSO admin at Globex can do this.`;
    items[2]!.decision = 'approve';
    edit(file, items);
    expect(await approve(file, kb)).toBe(1);
    expect(cli.err).toContain('item 2 (sso_setup): 1 marked span(s) left in (redacted: "[NAME]")');
    expect(cli.err).toContain('item 3 (cancellation): 1 marked span(s) left in (action: "I\'ve scheduled the cancellation');
    expect((await new JsonlKnowledgeStore(kb).loadAll()).filter((e) => e.purpose === 'answer')).toEqual([]);

    items[1]!.confirm_marked = true;
    items[2]!.decision = 'reject';
    edit(file, items);
    cli.out = '';
    expect(await approve(file, kb)).toBe(0);
    expect(cli.out).toContain('2 approved, 1 rejected, 0 left pending.');
    const answers = (await new JsonlKnowledgeStore(kb).loadAll()).filter((e) => e.purpose === 'answer');
    expect(answers).toHaveLength(2);
    expect(answers.find((e) => e.topic === 'refund_request')).toMatchObject({ answer: items[0]!.answer, shared: { by: 'lead-ana' }, title: 'From our support team' });
    expect(answers.find((e) => e.topic === 'refund_request')?.account).toBeUndefined();
    // An approved text names no account: redaction took Globex out, and the lead confirmed the placeholder.
    expect(answers.find((e) => e.topic === 'sso_setup')).toMatchObject({ account: 'globex', answer: expect.stringContaining('Your SSO admin at [NAME] can do this.') });

    cli.out = '';
    expect(await runCli(['kb', 'suggest', '--kb', kb, '--config', 'config/baton.yaml'])).toBe(0);
    expect(cli.out).toContain('No topic of the history');
  });

  it('redacts what an edit brings in before it is approved', async () => {
    const kb = await imported();
    const { file, items } = await suggested(kb);
    items[0]!.decision = 'approve';
    items[0]!.answer = 'Refunds go back to the original payment method. Questions: billing@vendor.example.';
    items[0]!.confirm_marked = true;
    edit(file, [items[0]!]);
    expect(await approve(file, kb)).toBe(0);
    expect((await new JsonlKnowledgeStore(kb).loadAll()).find((e) => e.purpose === 'answer')?.answer).toBe('Refunds go back to the original payment method. Questions: [EMAIL].');
  });

  it('refuses a file that is not a review file, or names an unknown account, and changes nothing', async () => {
    const kb = await imported();
    const before = readFileSync(kb, 'utf8');
    const bad = join(cli.dir, 'bad.yaml');
    writeFileSync(bad, '- topic: refund_request\n  decision: maybe\n');
    expect(await approve(bad, kb)).toBe(2);
    expect(cli.err).toContain('item 1 question');
    expect(cli.err).toContain('item 1 decision');
    const { file, items } = await suggested(kb);
    items[0]!.decision = 'approve';
    items[0]!.for = 'initech';
    edit(file, items);
    expect(await approve(file, kb)).toBe(1);
    expect(cli.err).toContain('for: initech is not an account of the policy');
    expect(readFileSync(kb, 'utf8')).toBe(before);
    expect(existsSync(kb.replace(/\.jsonl$/, '.rejected.jsonl'))).toBe(false);
  });
});
