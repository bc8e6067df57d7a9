import { describe, expect, it } from 'vitest';
import { problems } from './policy-problems.js';

const base = (extra: string) => `
vendor: { team_ids: [T0VENDOR1] }
accounts:
  - { id: acme, name: Acme, tier: enterprise, channels: [C0ACME001] }
  - { id: acme, name: Acme Two, tier: growth, channels: [C0ACME002] }
queues: [{ id: support, channel: C0SUPPORT1, role: support specialist, sla_minutes: 60, leads: ["<!channel>"] }]
routing: { default_queue: support, rules: [{ when: { categories: [biling] }, queue: support }] }
root_causes: [{ id: kb_gap, label: KB gap }, { id: kb_gap, label: Again }]
categories:
  - { name: how_to, risk: low }
  - { name: smalltalk, risk: low }
${extra}`;

describe('policy cross-references', () => {
  it('reports duplicates, dangling names and bad lead ids in one pass, each at its line', () => {
    const found = problems(base('triage: { smalltalk: { categories: [small_talk] } }'));
    expect(found).toEqual(
      expect.arrayContaining([
        '5:accounts[1].id: "acme" is used twice',
        expect.stringMatching(/^6:queues\[0\]\.leads\[0\]: a Slack user id/),
        '7:routing.rules[0].when.categories[0]: no category named "biling"',
        '8:root_causes[1].id: "kb_gap" is used twice',
        '12:triage.smalltalk.categories[0]: no category named "small_talk"',
      ]),
    );
  });

  it('does not hold defaults against a policy that never set them', () => {
    const policy = `
vendor: { team_ids: [T0VENDOR1] }
accounts: [{ id: acme, name: Acme, tier: enterprise, channels: [C0ACME001] }]
queues: [{ id: support, channel: C0SUPPORT1, role: support specialist, sla_minutes: 60 }]
routing: { default_queue: support }
root_causes: [{ id: kb_gap, label: KB gap }]
categories: [{ name: how_to, risk: low }]
`;
    expect(problems(policy)).toEqual([]);
  });

  it('refuses a queue or leads channel that is also a customer shared channel, naming the account', () => {
    const policy = `
vendor: { team_ids: [T0VENDOR1] }
accounts:
  - { id: acme, name: Acme, tier: enterprise, channels: [C0ACME001] }
  - { id: globex, name: Globex, tier: growth, channels: [C0GLOBEX1] }
queues:
  - { id: support, channel: C0SUPPORT1, role: support specialist, sla_minutes: 60 }
  - { id: billing, channel: C0GLOBEX1, role: billing specialist, sla_minutes: 60 }
routing: { default_queue: support }
root_causes: [{ id: kb_gap, label: KB gap }]
categories: [{ name: how_to, risk: low }]
leads_channel: C0ACME001
`;
    expect(problems(policy)).toEqual([
      `8:queues[1].channel: channel C0GLOBEX1 is account "globex"'s shared channel; a queue channel must be an internal channel`,
      `12:leads_channel: channel C0ACME001 is account "acme"'s shared channel; the leads channel must be an internal channel`,
    ]);
  });
});
