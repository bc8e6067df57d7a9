import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../src/config/load-policy.js';
import { problems } from './policy-problems.js';
import { accountForChannel } from '../../src/core/conversation/accounts.js';
import { isLead } from '../../src/core/metrics/leads.js';

const TENANT = '8f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';

/** Who is staff on each platform: the policy's `slack:` and `teams:` blocks. */
const SLACK_STAFF = 'slack: { team_ids: [T0VENDOR1] }';
const BOTH_STAFF = `${SLACK_STAFF}\nteams: { tenant_ids: ["${TENANT}"] }`;

const policy = (staff: string, channels: string, queue = 'C0SUPPORT1') => `
vendor: { name: Vendor }
${staff}
accounts:
  - { id: acme, name: Acme, tier: enterprise, channels: ${channels} }
queues: [{ id: support, channel: "${queue}", role: support specialist, sla_minutes: 60 }]
routing: { default_queue: support }
root_causes: [{ id: kb_gap, label: KB gap }]
categories: [{ name: how_to, risk: low }]
`;

describe('customer channels on every platform', () => {
  const mixed = `[C0ACME0001, "teams:19:acme@thread.tacv2", "web:acme-demo"]`;

  it('maps a Slack id as written, a Teams conversation and a playground room to the same account', () => {
    const parsed = parsePolicy(policy(BOTH_STAFF, mixed), 'p.yaml');
    expect(accountForChannel(parsed, { platform: 'slack', channel: 'C0ACME0001' })?.id).toBe('acme');
    expect(accountForChannel(parsed, { platform: 'teams', channel: '19:acme@thread.tacv2' })?.id).toBe('acme');
    expect(accountForChannel(parsed, { platform: 'web', channel: 'acme-demo' })?.id).toBe('acme');
    // The same id on another platform is another channel.
    expect(accountForChannel(parsed, { platform: 'teams', channel: 'C0ACME0001' })).toBeUndefined();
  });

  it('asks for the vendor tenant when a Teams channel is mapped, since staff would otherwise count as customers', () => {
    expect(problems(policy(SLACK_STAFF, mixed))).toEqual([
      expect.stringMatching(/^2:teams\.tenant_ids: at least one tenant id is needed: accounts\[0\]\.channels\[1\] is a Teams channel/),
    ]);
  });

  it('names what a channel may be when it is none of them, and what a tenant id looks like', () => {
    const found = problems(policy(`${SLACK_STAFF}\nteams: { tenant_ids: [contoso] }`, '[acme-general]'));
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/teams\.tenant_ids\[0\]: a Microsoft tenant id/),
        expect.stringMatching(/accounts\[0\]\.channels\[0\]: a Slack channel id such as C0123ABCD, a Teams conversation id/),
      ]),
    );
  });
});

describe('a queue channel on Teams', () => {
  it('is a channel of a team, named like a customer channel; the packets then go to Teams', () => {
    const parsed = parsePolicy(policy(BOTH_STAFF, '[C0ACME0001]', 'teams:19:queue@thread.tacv2'), 'p.yaml');
    expect(parsed.queues[0]?.channel).toBe('teams:19:queue@thread.tacv2');
  });

  it('is refused as a group chat (no threads to hold one packet each), and needs the vendor tenant', () => {
    expect(problems(policy(BOTH_STAFF, '[C0ACME0001]', 'teams:19:queue@thread.v2'))).toEqual([
      expect.stringMatching(/queues\[0\]\.channel: a Slack channel id such as C0123ABCD, or a Teams channel id such as teams:19:abc@thread.tacv2/),
    ]);
    expect(problems(policy(SLACK_STAFF, '[C0ACME0001]', 'teams:19:queue@thread.tacv2'))).toEqual([
      expect.stringMatching(/teams\.tenant_ids: at least one tenant id is needed: queues\[0\]\.channel is a Teams channel/),
    ]);
  });
});

describe('a leads_channel on Teams', () => {
  const withLeads = (staff: string, leads: string) => `${policy(staff, '[C0ACME0001]')}leads_channel: "${leads}"\n`;

  it('is a channel of the vendor\u2019s team; a group chat is refused, and the vendor tenant is needed', () => {
    expect(parsePolicy(withLeads(BOTH_STAFF, 'teams:19:leads@thread.tacv2'), 'p.yaml').leads_channel).toBe('teams:19:leads@thread.tacv2');
    expect(problems(withLeads(BOTH_STAFF, 'teams:19:leads@thread.v2'))).toEqual([
      expect.stringMatching(/leads_channel: a Slack channel id such as C0123ABCD, or a Teams channel id such as teams:19:abc@thread.tacv2/),
    ]);
    expect(problems(withLeads(SLACK_STAFF, 'teams:19:leads@thread.tacv2'))).toEqual([
      expect.stringMatching(/teams\.tenant_ids: at least one tenant id is needed: leads_channel is a Teams channel/),
    ]);
  });
});

describe('queue leads in Teams', () => {
  const LEAD = '3f2b8c1d-5e6a-4b7c-8d9e-0a1b2c3d4e5f';
  const withQueueLeads = (leads: string, top = '') => `
vendor: { name: Vendor }
${BOTH_STAFF}
accounts: [{ id: acme, name: Acme, tier: enterprise, channels: [C0ACME0001] }]
queues:
  - id: access
    channel: "teams:19:queue@thread.tacv2"
    role: access specialist
    sla_minutes: 60
    leads: ${leads}
routing: { default_queue: access }
root_causes: [{ id: kb_gap, label: KB gap }]
categories: [{ name: how_to, risk: low }]
${top}`;

  it('mixes Slack user ids and Teams users by Entra object id; a Slack queue lead still runs the lead commands', () => {
    const parsed = parsePolicy(withQueueLeads(`[U0LEAD0001, "teams:${LEAD}"]`), 'p.yaml');
    expect(parsed.queues[0]?.leads).toEqual(['U0LEAD0001', `teams:${LEAD}`]);
    expect(isLead(parsed, 'U0LEAD0001')).toBe(true);
    expect(isLead(parsed, 'U0OTHER001')).toBe(false);
  });

  it('names the entry and what a lead may be when a Teams lead is not an Entra object id', () => {
    const expected = 'a Slack user id such as U0123ABCD, or a Teams user as teams:<Microsoft Entra object id> such as teams:3f2b8c1d-5e6a-4b7c-8d9e-0a1b2c3d4e5f';
    expect(problems(withQueueLeads(`[U0LEAD0001, "teams:lena@contoso.com", "teams:29:lena", "${LEAD}"]`))).toEqual([
      `11:queues[0].leads[1]: ${expected}`,
      `11:queues[0].leads[2]: ${expected}`,
      `11:queues[0].leads[3]: ${expected}`,
    ]);
  });

  it('takes Teams users as policy-wide leads too (they run the lead commands in Teams), named by Entra object id only', () => {
    const parsed = parsePolicy(withQueueLeads('[]', `leads: ["teams:${LEAD}", U0LEAD0001]`), 'p.yaml');
    expect(isLead(parsed, `teams:${LEAD}`)).toBe(true);
    expect(problems(withQueueLeads('[]', 'leads: ["teams:lena@contoso.com"]'))).toEqual([expect.stringMatching(/leads\[0\]: a Slack user id such as U0123ABCD, or a Teams user as teams:<Microsoft Entra object id>/)]);
  });
});
