import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIDWEEK, MONDAY_NINE_UTC, nextDigestSlot } from '../clock/next-digest-slot.js';
import { ACTION, VIEW } from '../../src/core/model/actions.js';
import type { TeamsMember } from '../fakes/fake-teams-connector.js';
import { channelMessage, executeInvoke, FABRIKAM_TEAM, installedInCustomerTeam, installedInTeam, teamsCustomer, teamsLead, teamsStaff, VENDOR_TEAM } from './teams-activities.js';
import { cardsIn, useTeamsWorld } from './teams-world.js';

const LEADS = '19:vendor-leads@thread.tacv2';
const FABRIKAM = `teams:${FABRIKAM_TEAM}`;
const INTRO = 'Hello Fabrikam! I am Baton, the support assistant: ask here and I answer or bring in a person.';

/** The Teams policy with the leads' channel in the vendor's team and the digest on, Mondays 09:00 UTC. */
function leadsInTeams(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'baton-teams-leads-')), 'baton.yaml');
  const policy = readFileSync('test/teams/baton.teams.yaml', 'utf8')
    .replace('leads_channel: C0LEADS001', `leads_channel: "teams:${LEADS}"`)
    .replace('digest: { enabled: false }', 'digest: { enabled: true, weekday: mon, hour: 9, timezone: UTC }');
  writeFileSync(file, policy);
  return file;
}

const world = useTeamsWorld(leadsInTeams, undefined, MIDWEEK);

describe('a leads_channel in Teams', () => {
  it('gets the weekly digest as a card in a thread of its own, Teams conversations counted', async () => {
    const { h, send, connector, clock, postIn } = world();
    await send(installedInTeam(connector.url));
    // Teams stamps a message with its own time; here that is the world's clock, which started midweek.
    const ask = { ...channelMessage({ serviceUrl: connector.url, from: teamsCustomer, text: 'How do I invite a teammate?' }), timestamp: new Date(clock.now()).toISOString() };
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

  it('offers a new customer conversation on a card in a thread there: a Teams lead maps it and approves its introduction; a specialist is refused', async () => {
    const { h, send, connector } = world();
    const serviceUrl = connector.url;
    const click = async (from: TeamsMember, verb: string, data: Record<string, unknown>, root: string) =>
      send(executeInvoke({ serviceUrl, from, root, cardId: root, channel: LEADS, team: VENDOR_TEAM, verb, data }));
    const answer = (res: { body: string }) => JSON.parse(res.body) as { type: string; value: unknown };
    await send(installedInTeam(serviceUrl));
    await send(installedInCustomerTeam(serviceUrl));
    const offer = await connector.waitFor((c) => c.kind === 'create' && c.conversationId === LEADS);
    const root = offer.id!;
    expect(JSON.stringify(cardsIn(offer))).toContain('Baton was added to Fabrikam Support (Microsoft Teams), a conversation no account maps');
    expect(h.fake.calls('chat.postMessage').filter((c) => c.args.channel === 'C0SUPPORT1' || c.args.channel === 'C0LEADS001')).toEqual([]);

    const early = channelMessage({ serviceUrl, from: teamsCustomer, text: 'How do I invite a teammate?', channel: FABRIKAM_TEAM, team: FABRIKAM_TEAM });
    await send(early);
    const held = await connector.waitFor((c) => c.kind === 'reply' && c.conversationId === `${LEADS};messageid=${root}`);
    expect(held.body.text).toBe('Carla Contoso wrote in Fabrikam Support (Microsoft Teams), not answered by Baton (the conversation is not live yet):\nHow do I invite a teammate?');

    const data = { channel: FABRIKAM };
    expect(answer(await click(teamsStaff, ACTION.newAccount, data, root)).value).toMatch(/Only the support leads/);
    // The same button data pressed in another thread of the channel does nothing.
    expect((await click(teamsLead, ACTION.newAccount, data, '1700000000001')).body).toContain('This button no longer works.');

    const form = answer(await click(teamsLead, ACTION.newAccount, data, root));
    expect(form.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(form.value)).toContain('A new account for the customer in Fabrikam Support (Microsoft Teams)');
    const taken = answer(await click(teamsLead, ACTION.submitNewAccount, { ...data, account_name: 'Contoso', account_tier: 'enterprise' }, root));
    expect(JSON.stringify(taken.value)).toContain('The policy file already has an account with id \\"contoso\\"');
    const intro = answer(await click(teamsLead, ACTION.submitNewAccount, { ...data, account_name: 'Fabrikam', account_tier: 'enterprise' }, root));
    expect(JSON.stringify(intro.value)).toContain('until you approve its introduction');
    await connector.waitFor((c) => c.kind === 'update' && c.activityId === root && JSON.stringify(c.body).includes('is mapped to Fabrikam (enterprise) by Lena Lead'));
    await h.settle();
    expect(connector.calls.filter((c) => c.conversationId.startsWith(FABRIKAM_TEAM) && c.kind !== 'member')).toEqual([]);

    expect(answer(await click(teamsStaff, VIEW.approveIntro, { ...data, intro: INTRO }, root)).value).toMatch(/Only the support leads/);
    const live = answer(await click(teamsLead, VIEW.approveIntro, { ...data, intro: INTRO }, root));
    expect(JSON.stringify(live.value)).toContain('is live for Fabrikam (enterprise). Lena Lead approved the introduction');
    const posted = await connector.waitFor((c) => c.kind === 'create' && c.conversationId === FABRIKAM_TEAM);
    expect(posted.body).toMatchObject({ text: INTRO, textFormat: 'plain' });

    const ask = channelMessage({ serviceUrl, from: teamsCustomer, text: 'How do I invite a teammate?', channel: FABRIKAM_TEAM, team: FABRIKAM_TEAM });
    await send(ask);
    const answered = await connector.waitFor((c) => c.kind === 'reply' && c.status === 201 && c.conversationId === `${FABRIKAM_TEAM};messageid=${ask.id}`);
    expect(JSON.stringify(cardsIn(answered))).toMatch(/Settings/);
  });
});
