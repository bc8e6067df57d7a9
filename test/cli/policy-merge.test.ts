import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { loadPolicy } from '../../src/config/load-policy.js';
import { useCliSession } from './cli-session.js';

const cli = useCliSession('baton-merge-');

const policy = `# our policy
vendor: { team_ids: [T0VENDOR1] }
accounts: [{ id: acme, name: Acme, tier: enterprise, channels: [C0ACME001] }]
queues: [{ id: support, channel: C0SUPPORT1, role: support specialist, sla_minutes: 60 }]
routing:
  default_queue: support
  rules: [{ when: { categories: [billing] }, queue: support }]
root_causes: [{ id: kb_gap, label: KB gap }]
categories:
  - { name: billing, risk: medium }
triage:
  loop_after: 4
`;

const taxonomy = `categories:
  - name: billing
    description: Charges and invoices
    risk_tier: medium
    items_in_dev: 95
    intents:
      "bitext:get_invoice": [medium, answer_low_threshold]
      "bitext:get_refund": [medium, escalate]
    examples: ["where is my invoice"]
  - name: security
    risk: high
    topics: [{ name: account_takeover, always_escalate: true }]
`;

describe('baton policy merge', () => {
  it('writes a taxonomy file into the policy as categories with topics, keeping comments and other sections', async () => {
    const config = join(cli.dir, 'baton.yaml');
    writeFileSync(config, policy);
    writeFileSync(join(cli.dir, 'tax.yaml'), taxonomy);
    expect(await runCli(['policy', 'merge', '--config', config, join(cli.dir, 'tax.yaml')])).toBe(0);
    expect(cli.out).toMatch(/2 categories, 3 topics/);
    expect(cli.out).toMatch(/left out \(not policy keys\): items_in_dev/);
    const merged = loadPolicy(config);
    expect(merged.categories[0]!.topics).toEqual([
      { name: 'bitext:get_invoice', risk: 'medium', always_escalate: false, examples: [] },
      { name: 'bitext:get_refund', risk: 'medium', always_escalate: true, examples: [] },
    ]);
    expect(merged.triage.loop_after).toBe(4);
    expect(readFileSync(config, 'utf8')).toMatch(/^# our policy/);
  });

  it('merges suggested thresholds into the triage section', async () => {
    const config = join(cli.dir, 'baton.yaml');
    writeFileSync(config, policy);
    writeFileSync(join(cli.dir, 's.yaml'), 'triage:\n  thresholds: { low: 0.3, medium: 0.5, high: 1.01 }\n');
    expect(await runCli(['policy', 'merge', '--config', config, join(cli.dir, 's.yaml')])).toBe(0);
    expect(loadPolicy(config).triage).toMatchObject({ loop_after: 4, thresholds: { low: 0.3, medium: 0.5, high: 1.01 } });
  });

  it('writes nothing when the result would be invalid, and says why', async () => {
    const config = join(cli.dir, 'baton.yaml');
    writeFileSync(config, policy);
    writeFileSync(join(cli.dir, 'bad.yaml'), 'categories:\n  - { name: refunds, risk: medium }\n');
    expect(await runCli(['policy', 'merge', '--config', config, join(cli.dir, 'bad.yaml')])).toBe(1);
    expect(cli.err).toMatch(/routing\.rules\[0\]\.when\.categories\[0\]: no category named "billing"/);
    expect(readFileSync(config, 'utf8')).toBe(policy);
  });
});
