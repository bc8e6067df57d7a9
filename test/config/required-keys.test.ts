import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../src/config/load-policy.js';
import { problems } from './policy-problems.js';

/** What docs/configuration.md says a policy must hold; every other key has a default. */
const minimal = `
slack: { team_ids: [T0VENDOR01] }
accounts: [{ id: acme, name: Acme Corp, tier: enterprise, channels: [C0ACME0001] }]
queues: [{ id: support, channel: C0SUPPORT1, role: support specialist, sla_minutes: 60 }]
routing: { default_queue: support }
categories: [{ name: how_to, risk: low }]
root_causes: [{ id: docs_gap, label: Missing docs }]
`;

describe('the keys a policy must hold', () => {
  it('accepts a policy without a vendor block, naming the vendor "our team" to customers', () => {
    expect(problems(minimal)).toEqual([]);
    expect(parsePolicy(minimal, 'p.yaml', undefined, () => {}).vendor).toEqual({ name: 'our team', product_hosts: [] });
  });

  it('names each missing required key at once', () => {
    expect(problems('accounts: []\n')).toEqual([
      '1:accounts: Too small: expected array to have >=1 items',
      '1:queues: Invalid input: expected array, received undefined',
      '1:routing: Invalid input: expected object, received undefined',
      '1:categories: Invalid input: expected array, received undefined',
      '1:root_causes: Invalid input: expected array, received undefined',
    ]);
  });
});
