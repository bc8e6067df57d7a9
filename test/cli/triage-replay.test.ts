import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useCliSession } from './cli-session.js';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { SMALL_KB } from '../core/answer/small-policy.js';

const cli = useCliSession('baton-triage-');

const config = `
vendor: { team_ids: [T0VENDOR1] }
accounts: [{ id: acme, name: Acme, tier: enterprise, channels: [C0ACME001] }]
queues: [{ id: support, channel: C0SUPPORT1, role: support specialist, sla_minutes: 60 }]
routing: { default_queue: support }
root_causes: [{ id: kb_gap, label: KB gap }]
categories:
  - { name: how_to, risk: low, examples: ["how do I export a report"] }
  - { name: billing, risk: medium, examples: ["why was my invoice higher this month"] }
`;

describe('baton triage', () => {
  it('prints one decision line per ticket and the escalation tables', async () => {
    writeFileSync(join(cli.dir, 'baton.yaml'), config);
    writeFileSync(join(cli.dir, 'kb.jsonl'), SMALL_KB.map((e) => JSON.stringify(e)).join('\n'));
    const tickets = [
      { id: 't1', account: 'acme', text: 'how can I export my dashboard as a CSV report?' },
      { id: 't2', account: 'acme', messages: [{ from: 'customer', text: 'hi' }, { from: 'bot', text: 'hello' }, { from: 'customer', text: 'I want to talk to a human' }] },
    ];
    writeFileSync(join(cli.dir, 't.jsonl'), `${tickets.map((t) => JSON.stringify(t)).join('\n')}\n{"id":"bad"}\n`);
    const code = await runCli(['triage', '--config', join(cli.dir, 'baton.yaml'), '--kb', join(cli.dir, 'kb.jsonl'), join(cli.dir, 't.jsonl')]);
    expect(code).toBe(0);
    const lines = cli.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.id, l.action, l.trigger])).toEqual([['t1', 'answer', null], ['t2', 'escalate', 'human_phrase']]);
    for (const l of lines) expect(Object.keys(l)).toEqual(expect.arrayContaining(['category', 'risk', 'confidence', 'sentiment', 'loop']));
    expect(cli.err).toMatch(/skipped .*t\.jsonl:3/);
    expect(cli.err).toMatch(/Would-be escalation rate by category/);
    expect(cli.err).toMatch(/human_phrase\s+1/);
  });

  it('prints its help, and usage on bad arguments', async () => {
    expect(await runCli(['help'])).toBe(0);
    expect(cli.out).toMatch(/kb ingest/);
    expect(cli.out).toMatch(/triage/);
    expect(await runCli(['triage'])).toBe(2);
    expect(cli.err).toMatch(/Usage: npm run baton -- triage/);
    const missing = join(cli.dir, 'no-such-tickets.jsonl');
    expect(await runCli(['triage', missing])).toBe(2);
    expect(cli.err).toContain(`baton triage: no such file: ${missing}`);
  });
});
