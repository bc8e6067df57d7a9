import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { loadPolicy } from '../../src/config/load-policy.js';
import { useCliSession } from './cli-session.js';

const cli = useCliSession('baton-calibrate-');

const policy = `vendor: { team_ids: [T0VENDOR1] }
accounts: [{ id: acme, name: Acme, tier: enterprise, channels: [C0ACME001] }]
queues: [{ id: support, channel: C0SUPPORT1, role: support specialist, sla_minutes: 60 }]
routing: { default_queue: support }
root_causes: [{ id: kb_gap, label: KB gap }]
categories:
  - name: how_to
    risk: low
    topics: [{ name: export }, { name: rename }]
  - name: security
    risk: high
    topics: [{ name: leaked_key }]
  - { name: out_of_scope, risk: low }
`;

/** Past tickets: two answerable topics, a high-risk one, and one whose tickets were all escalated. */
function history(): string {
  const rows: object[] = [];
  const say = ['how do I', 'can I', 'where do I', 'is there a way to', 'help me'];
  say.forEach((s, i) => {
    rows.push({ id: `x${i}`, question: `${s} export our reports to csv`, answer: 'Reports > Export > CSV.', topic: 'export' });
    rows.push({ id: `r${i}`, question: `${s} rename a project in the sidebar`, answer: 'Open the project menu, choose Rename.', topic: 'rename' });
    rows.push({ id: `k${i}`, question: `${s} revoke an api key that leaked publicly`, topic: 'leaked_key' });
    rows.push({ id: `s${i}`, question: `${s} move seats to another contract`, answer: 'Done by finance.', topic: 'contract_seats', category: 'how_to', escalated: true });
  });
  return rows.map((r) => JSON.stringify(r)).join('\n');
}

describe('baton calibrate', () => {
  it('replays the history, prints the table and the cross-validation, and writes thresholds the policy merge accepts', async () => {
    const config = join(cli.dir, 'baton.yaml');
    writeFileSync(config, policy);
    writeFileSync(join(cli.dir, 'history.jsonl'), history());
    const kb = join(cli.dir, 'kb.jsonl');
    expect(await runCli(['kb', 'ingest', '--quiet', '--kb', kb, '--config', config, join(cli.dir, 'history.jsonl')])).toBe(0);
    const out = join(cli.dir, 'suggested.yaml');
    expect(await runCli(['calibrate', '--config', config, '--kb', kb, '--docs', join(cli.dir, 'none'), '--folds', '2', '--out', out])).toBe(0);
    expect(cli.out).toMatch(/Replayed 20 past tickets/);
    expect(cli.out).toMatch(/Replay by category/);
    expect(cli.out).toMatch(/security\s+5\s+5\s+0\s+5\s+100\.0%\s+100\.0%/);
    expect(cli.out).toMatch(/Escalations by trigger type/);
    expect(cli.out).toMatch(/fold 2: fitted low/);
    expect(readFileSync(out, 'utf8')).toMatch(/^triage:\n {2}thresholds: \{ low: [01]\.\d\d, medium: [01]\.\d\d, high: 1\.01 \}/m);
    expect(await runCli(['policy', 'merge', '--config', config, out])).toBe(0);
    expect(loadPolicy(config).triage.thresholds.high).toBe(1.01);
  });

  it('asks for an imported history first', async () => {
    writeFileSync(join(cli.dir, 'baton.yaml'), policy);
    writeFileSync(join(cli.dir, 'kb.jsonl'), '');
    expect(await runCli(['calibrate', '--config', join(cli.dir, 'baton.yaml'), '--kb', join(cli.dir, 'kb.jsonl'), '--docs', join(cli.dir, 'none')])).toBe(2);
    expect(cli.err).toMatch(/import your history first/);
  });

  it('refuses a fold count or sample size that is not a whole number, before reading anything', async () => {
    expect(await runCli(['calibrate', '--folds', '3.5'])).toBe(2);
    expect(cli.err).toMatch(/^baton calibrate: --folds must be a whole number from 2 to 20\n/);
    expect(await runCli(['calibrate', '--sample', '100.5'])).toBe(2);
    expect(cli.err).toContain('baton calibrate: --sample must be a whole number from 10 to 10000000');
  });

  it('counts each past conversation once, and says loudly when its bars would answer nothing', async () => {
    const config = join(cli.dir, 'baton.yaml');
    writeFileSync(config, policy);
    const say = ['how do I', 'can I', 'where do I', 'is there a way to', 'help me'];
    // Every past ticket of the account needed a person: the only bars that hand them all over answer nothing.
    const rows = say.flatMap((s, i) => [
      { id: `x${i}`, account: 'acme', question: `${s} export our reports to csv`, answer: 'Reports > Export > CSV.', topic: 'export', escalated: true },
      { id: `r${i}`, account: 'acme', question: `${s} rename a project in the sidebar`, answer: 'Open the project menu, choose Rename.', topic: 'rename', escalated: true },
    ]);
    writeFileSync(join(cli.dir, 'history.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n'));
    const kb = join(cli.dir, 'kb.jsonl');
    expect(await runCli(['kb', 'ingest', '--quiet', '--kb', kb, '--config', config, join(cli.dir, 'history.jsonl')])).toBe(0);
    const out = join(cli.dir, 'suggested.yaml');
    expect(await runCli(['calibrate', '--config', config, '--kb', kb, '--docs', join(cli.dir, 'none'), '--folds', '2', '--out', out])).toBe(0);
    expect(cli.out).toMatch(/Replayed 10 past tickets/); // not 20: the question-only copies (#learn) are the same tickets
    expect(cli.err).toMatch(/WARNING: these thresholds answer none of the 10 replayed tickets/);
    expect(readFileSync(out, 'utf8')).toMatch(/^# WARNING: these thresholds answer none/m);
  });
});
