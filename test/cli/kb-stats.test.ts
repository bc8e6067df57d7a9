import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { loadKnowledge } from '../../src/infra/knowledge/jsonl-knowledge-store.js';
import { useCliSession } from './cli-session.js';

const cli = useCliSession('baton-stats-');

const policy = `vendor: { team_ids: [T0VENDOR1] }
accounts: [{ id: acme, name: Acme, tier: enterprise, channels: [C0ACME001] }]
queues: [{ id: support, channel: C0SUPPORT1, role: support specialist, sla_minutes: 60 }]
routing: { default_queue: support }
root_causes: [{ id: kb_gap, label: KB gap }]
categories:
  - name: billing
    risk: medium
    topics: [{ name: seats }, { name: invoice }]
  - { name: out_of_scope, risk: low }
`;

const csv = `id,question,answer,topic,escalated,reopened
1,Can we add five seats?,Done by finance.,seats,1,0
2,Add seats for the new team,Finance added them.,seats,0,1
3,Move seats to another contract,Done.,seats,0,0
4,Where is the invoice for March?,Billing > History.,invoice,0,0
5,What is the weather today?,,weather,0,0
`;

describe('baton kb stats', () => {
  it('names the line of a knowledge file that is not JSON, exit 1, and imports nothing into it', async () => {
    const kb = join(cli.dir, 'kb.jsonl');
    writeFileSync(kb, '{"id":"a","kind":"conversation","question":"q","answer":"a"}\nnot json\n');
    expect(await runCli(['kb', 'stats', '--kb', kb, '--config', 'config/baton.yaml'])).toBe(1);
    expect(cli.err).toContain(`${kb}:2: knowledge entry: not valid JSON`);
    const records = join(cli.dir, 'new.jsonl');
    writeFileSync(records, '{"id":"b","question":"How do I export?","answer":"Reports, then Export."}\n');
    expect(await runCli(['kb', 'ingest', '--quiet', '--kb', kb, '--config', 'config/baton.yaml', records])).toBe(1);
    expect(cli.err).toContain(`${kb}:2: knowledge entry: not valid JSON`);
    expect(readFileSync(kb, 'utf8')).toBe('{"id":"a","kind":"conversation","question":"q","answer":"a"}\nnot json\n');
  });

  it('names a line that is JSON but no entry, and a folder given as the knowledge file, exit 1', async () => {
    const kb = join(cli.dir, 'kb.jsonl');
    writeFileSync(kb, '{"id":"a","kind":"conversation","question":"q","answer":"a"}\n{"id":"b"}\n[1]\n');
    expect(await runCli(['kb', 'stats', '--kb', kb, '--config', 'config/baton.yaml'])).toBe(1);
    expect(cli.err).toContain(`${kb}:2: knowledge entry: "id" and "question" must be text; fix or remove the line`);
    expect(cli.err).toContain(`${kb}:3: knowledge entry: not a JSON object; fix or remove the line`);
    cli.err = '';
    expect(await runCli(['kb', 'stats', '--kb', cli.dir, '--config', 'config/baton.yaml'])).toBe(1);
    expect(cli.err).toContain(`${cli.dir}: (top level): a folder, not a knowledge file (set BATON_KB, or --kb, to the file baton kb ingest writes)`);
  });

  it('counts per topic how many past tickets needed a person and why, flags hidden complexity, and lists what the policy does not', async () => {
    const config = join(cli.dir, 'baton.yaml');
    writeFileSync(config, policy);
    writeFileSync(join(cli.dir, 'h.csv'), csv);
    writeFileSync(join(cli.dir, 'r.csv'), 'question,category\nPlease refund the duplicate charge,Refund\nI want my money back,Refund\n');
    const kb = join(cli.dir, 'kb.jsonl');
    expect(await runCli(['kb', 'ingest', '--quiet', '--kb', kb, '--config', config, join(cli.dir, 'h.csv'), join(cli.dir, 'r.csv')])).toBe(0);
    cli.out = '';
    expect(await runCli(['kb', 'stats', '--kb', kb, '--config', config])).toBe(0);
    expect(cli.out).toMatch(/billing\s+seats\s+medium\s+listed\s+3\s+1\s+2\s+escalated 1, reopened 1\s+yes/);
    expect(cli.out).toMatch(/billing\s+invoice\s+medium\s+listed\s+1\s+1\s+0\s+$/m);
    expect(cli.out).toMatch(/out_of_scope\s+weather\s+high\s+not listed\s+1/);
    expect(cli.out).toMatch(/1 topics are hidden complexity \(seats\)/);
    // Fail closed: what the policy does not list is triaged at the unknown-topic tier, and named with the lines that file it.
    expect(cli.out).toContain('imported categories or topics the policy does not list: each is triaged at triage.unknown_topic_risk (high)');
    expect(cli.out).toContain('  category Refund: 2 record(s)');
    expect(cli.out).toContain('  topic weather (filed under out_of_scope): 1 record(s)');
    expect(cli.out).toContain('  - name: "Refund"\n    risk: high');
  });
});

describe('kb ingest for a held-out test set and a file from one queue', () => {
  it('leaves out records asking a message of the --exclude set, and gives every record a quoted literal', async () => {
    writeFileSync(join(cli.dir, 'dev.jsonl'), `${JSON.stringify({ id: 'd1', text: 'Where is the invoice  for MARCH?' })}\n${JSON.stringify({ id: 'd2', kind: 'thread', text: 'x', turns: [{ role: 'customer', text: 'Add seats for the new team' }] })}\n`);
    writeFileSync(join(cli.dir, 'h.csv'), csv);
    const kb = join(cli.dir, 'kb.jsonl');
    const args = ['kb', 'ingest', '--quiet', '--kb', kb, '--exclude', join(cli.dir, 'dev.jsonl'), '--map', "question=question,category='billing'", join(cli.dir, 'h.csv')];
    expect(await runCli(args)).toBe(0);
    expect(cli.out).toMatch(/2\s+held out: asked in the --exclude set/);
    const stored = loadKnowledge(kb);
    expect(stored.map((e) => e.question)).toEqual(['Can we add five seats?', 'Move seats to another contract', 'What is the weather today?']);
    expect(stored.every((e) => e.category === 'billing')).toBe(true);
  });
});
