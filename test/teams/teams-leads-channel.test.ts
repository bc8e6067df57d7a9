import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MONDAY_NINE_UTC, nextDigestSlot } from '../clock/next-digest-slot.js';
import { channelMessage, installedInCustomerTeam, installedInTeam, teamsCustomer } from './teams-activities.js';
import { cardsIn, useTeamsWorld } from './teams-world.js';

const LEADS = '19:vendor-leads@thread.tacv2';

/** The Teams policy with the leads' channel in the vendor's team and the digest on, Mondays 09:00 UTC. */
function leadsInTeams(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'baton-teams-leads-')), 'baton.yaml');
  const policy = readFileSync('test/teams/baton.teams.yaml', 'utf8')
    .replace('leads_channel: C0LEADS001', `leads_channel: "teams:${LEADS}"`)
    .replace('digest: { enabled: false }', 'digest: { enabled: true, weekday: mon, hour: 9, timezone: UTC }');
  writeFileSync(file, policy);
  return file;
}

const world = useTeamsWorld(leadsInTeams);

describe('a leads_channel in Teams', () => {
  it('gets the weekly digest as a card in a thread of its own, Teams conversations counted', async () => {
    const { h, send, connector, clock, postIn } = world();
    await send(installedInTeam(connector.url));
    const ask = channelMessage({ serviceUrl: connector.url, from: teamsCustomer, text: 'How do I invite a teammate?' });
    await send(ask);
    await postIn(ask.id);
    await h.settle();
    // Five minutes past the digest's next slot (Mondays 09:00 UTC), whatever day and hour the clock reads.
    clock.advance(nextDigestSlot(clock.now(), MONDAY_NINE_UTC) + 5 * 60_000 - clock.now());
    await h.baton.sweep();
    const digest = await connector.waitFor((c) => c.kind === 'create' && c.conversationId === LEADS);
    const json = JSON.stringify(cardsIn(digest));
    expect(json).toContain('Baton weekly digest');
    expect(json).toContain('Microsoft Teams: 1 conv.');
    expect(json).toContain('"title":"Escalation rate"');
    expect(h.fake.calls('chat.postMessage').filter((c) => c.args.channel === 'C0LEADS001')).toEqual([]);
  });

  it('leaves new conversations to be mapped from the default queue\u2019s Slack channel', async () => {
    const { h, send, connector } = world();
    h.fake.addUser({ id: 'U0LEAD0001', team_id: 'T0BATON001', real_name: 'Lee', name: 'Lee' });
    await send(installedInCustomerTeam(connector.url));
    const offer = await h.fake.waitFor('chat.postMessage', (c) => c.response.ok && c.args.channel === 'C0SUPPORT1' && String(c.args.text).includes('Fabrikam Support'));
    expect(String(offer.args.text)).toContain('a channel no account maps');
    expect(connector.calls.filter((c) => c.conversationId === LEADS)).toEqual([]);
  });
});
