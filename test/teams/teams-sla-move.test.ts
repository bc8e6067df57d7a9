import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { customer } from '../e2e/harness.js';
import { MINUTE } from '../e2e/loop/loop-world.js';
import { ACCESS_QUEUE, installedInTeam, teamsLead } from './teams-activities.js';
import { useTeamsWorld } from './teams-world.js';

const SUPPORT = 'C0SUPPORT1';

/** The Teams policy with the Slack support queue as the Teams access queue's backup. */
function accessWithBackup(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'baton-teams-move-')), 'baton.yaml');
  const policy = readFileSync('test/teams/baton.teams.yaml', 'utf8').replace('    sla_minutes: 60\n    leads: [U0LEAD0001, "teams:', '    sla_minutes: 60\n    backup: support\n    leads: [U0LEAD0001, "teams:');
  if (!policy.includes('backup: support')) throw new Error('the access queue was not found in the Teams policy');
  writeFileSync(file, policy);
  return file;
}

const world = useTeamsWorld(accessWithBackup);

describe('an escalation unclaimed at breach in a Teams queue with a backup', () => {
  it('moves to the Slack backup queue and tells the Teams leads under the first packet, by name', async () => {
    const { h, send, connector, clock } = world();
    await send(installedInTeam(connector.url));
    await h.say(customer, 'I can\u2019t log in and the reset email never arrives, can I talk to a human please?');
    const created = await connector.waitFor((c) => c.kind === 'create' && c.conversationId === ACCESS_QUEUE && c.status === 201);

    clock.advance(61 * MINUTE);
    await h.baton.sweep();
    await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === SUPPORT && !c.args.thread_ts && JSON.stringify(c.args.blocks).includes('Moved here from'));
    const told = await connector.waitFor((c) => c.kind === 'reply' && c.conversationId === `${ACCESS_QUEUE};messageid=${created.id}` && c.status === 201);
    expect(String(told.body.text)).toMatch(/^<at>Lena Lead<\/at> <at>[0-9a-f-]{36}<\/at> SLA breached: .* so it moved to the support specialist queue \(support\)/);
    expect(told.body.entities).toContainEqual({ type: 'mention', text: '<at>Lena Lead</at>', mentioned: { id: teamsLead.aadObjectId, name: 'Lena Lead' } });
  });
});
