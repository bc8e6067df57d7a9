import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parsePolicy } from '../../src/config/load-policy.js';
import { loadSettings } from '../../src/config/load-settings.js';
import { problems } from './policy-problems.js';

const TENANT = '8f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const REST = `accounts: [{ id: acme, name: Acme, tier: enterprise, channels: [C0ACME0001, "teams:19:acme@thread.tacv2"] }]
queues: [{ id: support, channel: C0SUPPORT1, role: support specialist, sla_minutes: 60 }]
routing: { default_queue: support }
root_causes: [{ id: kb_gap, label: KB gap }]
categories: [{ name: how_to, risk: low }]
`;
const OLD = `vendor: { name: Vendor, team_ids: [T0VENDOR1], enterprise_ids: [E0VENDOR1], teams_tenant_ids: ["${TENANT}"] }\n${REST}`;
const NEW = `vendor: { name: Vendor }
slack: { team_ids: [T0VENDOR1], enterprise_ids: [E0VENDOR1] }
teams: { tenant_ids: ["${TENANT}"] }
${REST}`;

afterEach(() => vi.restoreAllMocks());

describe('who is staff, per platform', () => {
  it('is read from the slack: and teams: blocks, with no warning', () => {
    const warn = vi.fn();
    const policy = parsePolicy(NEW, 'p.yaml', undefined, warn);
    expect(policy.slack).toEqual({ team_ids: ['T0VENDOR1'], enterprise_ids: ['E0VENDOR1'] });
    expect(policy.teams).toEqual({ tenant_ids: [TENANT] });
    expect(warn).not.toHaveBeenCalled();
  });

  it('is still read from the old vendor keys, as the new ones, with one line naming where each moved', () => {
    const warn = vi.fn();
    expect(parsePolicy(OLD, 'p.yaml', undefined, warn)).toEqual(parsePolicy(NEW, 'p.yaml', undefined, vi.fn()));
    expect(warn.mock.calls).toEqual([
      ['p.yaml: deprecated policy keys read in their new place (move them there): vendor.team_ids \u2192 slack.team_ids, vendor.enterprise_ids \u2192 slack.enterprise_ids, vendor.teams_tenant_ids \u2192 teams.tenant_ids'],
    ]);
  });

  it('points a problem in an old key at the old key, where the file has it', () => {
    expect(problems(`vendor:\n  teams_tenant_ids: [contoso]\n${REST}`)).toEqual([expect.stringMatching(/^2:vendor\.teams_tenant_ids\[0\]: a Microsoft tenant id/)]);
  });

  it('refuses an old key beside its new one, since either could be meant', () => {
    expect(problems(`vendor: { team_ids: [T0VENDOR1] }\nslack: { team_ids: [T0VENDOR2] }\nteams: { tenant_ids: ["${TENANT}"] }\n${REST}`)).toEqual([
      '1:vendor.team_ids: moved to slack.team_ids, which is set too: keep only slack.team_ids',
    ]);
  });

  it('warns once on stderr when a start reads a policy with the old keys', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'baton-moved-')), 'baton.yaml');
    writeFileSync(file, OLD);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const { policy } = loadSettings({ BATON_CONFIG: file });
    expect(policy.slack.team_ids).toEqual(['T0VENDOR1']);
    expect(stderr.mock.calls.map(([line]) => String(line))).toEqual([expect.stringMatching(/^.*baton\.yaml: deprecated policy keys read in their new place \(move them there\): vendor\.team_ids \u2192 slack\.team_ids, .*\n$/)]);
  });
});
