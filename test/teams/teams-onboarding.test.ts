import { describe, expect, it } from 'vitest';
import { ONBOARD_FIELD, VIEW } from '../../src/core/model/actions.js';
import { typedText } from '../fakes/slack-request.js';
import { lead, newAccountForm, submit } from '../e2e/onboarding/onboarding-world.js';
import { channelMessage, FABRIKAM_TEAM, installedInCustomerTeam, installedInTeam, teamsCustomer, teamsStaff } from './teams-activities.js';
import { cardsIn, useTeamsWorld } from './teams-world.js';

const world = useTeamsWorld();
const LEADS = 'C0LEADS001';
const FABRIKAM = `teams:${FABRIKAM_TEAM}`;
const INTRO = 'Hello Fabrikam! I am Baton, the support assistant: ask here and I answer or bring in a person.';

describe('a Teams conversation no account maps', () => {
  it('is offered to the leads in Slack, stays silent until mapped and introduced, then is answered', async () => {
    const { h, send, connector } = world();
    h.fake.addUser({ id: lead.id, team_id: lead.teamId, real_name: lead.name, name: lead.name });
    expect((await send(installedInCustomerTeam(connector.url))).status).toBe(200);
    const offer = await h.fake.waitFor('chat.postMessage', (c) => c.response.ok && c.args.channel === LEADS && !c.args.thread_ts && String(c.args.text).includes('Fabrikam Support'));
    expect(String(offer.args.text)).toContain('Baton was added to *Fabrikam Support* (Microsoft Teams)');
    expect(String(offer.args.text)).not.toContain('<#');

    const early = channelMessage({ serviceUrl: connector.url, from: teamsCustomer, text: 'How do I invite a teammate?', channel: FABRIKAM_TEAM, team: FABRIKAM_TEAM });
    expect((await send(early)).status).toBe(200);
    const held = await h.waitForPost(LEADS, String(offer.response.ts), (t) => t.includes('How do I invite a teammate?'));
    expect(String(held.args.text)).toContain('Carla Contoso wrote in *Fabrikam Support* (Microsoft Teams), not answered by Baton');
    await h.settle();
    expect(connector.calls.filter((c) => c.conversationId.startsWith(FABRIKAM_TEAM) && c.kind !== 'member')).toEqual([]);

    const mapped = await submit(h, lead, VIEW.newAccount, FABRIKAM, newAccountForm('Fabrikam', 'enterprise', null));
    expect(mapped.body).toMatchObject({ response_action: 'update', view: { callback_id: VIEW.approveIntro } });
    expect(JSON.stringify(mapped.body.view)).toContain('*Fabrikam Support* (Microsoft Teams)');
    await h.settle();
    expect(connector.calls.filter((c) => c.conversationId.startsWith(FABRIKAM_TEAM) && c.kind !== 'member')).toEqual([]);
    const approved = await submit(h, lead, VIEW.approveIntro, FABRIKAM, { [ONBOARD_FIELD.intro]: { [ONBOARD_FIELD.intro]: typedText(INTRO) } });
    expect(approved.status).toBe(200);
    expect(approved.body.errors).toBeUndefined();
    const intro = await connector.waitFor((c) => c.kind === 'create' && c.conversationId === FABRIKAM_TEAM);
    expect(intro.body).toMatchObject({ text: INTRO, textFormat: 'plain' });
    await h.fake.waitFor('chat.update', (c) => c.args.channel === LEADS && String(c.args.text).includes('is live for *Fabrikam*'));

    const ask = channelMessage({ serviceUrl: connector.url, from: teamsCustomer, text: 'How do I invite a teammate?', channel: FABRIKAM_TEAM, team: FABRIKAM_TEAM });
    await send(ask);
    const answer = await connector.waitFor((c) => c.kind === 'reply' && c.status === 201 && c.conversationId === `${FABRIKAM_TEAM};messageid=${ask.id}`);
    expect(JSON.stringify(cardsIn(answer))).toMatch(/Settings/);
    expect(connector.calls.filter((c) => c.conversationId === `${FABRIKAM_TEAM};messageid=${early.id}`)).toEqual([]);
  });

  it('offers nothing when the vendor installs the app in its own team; a customer\u2019s first message in a shared channel it hosts is offered', async () => {
    const { h, send, connector } = world();
    expect((await send(installedInTeam(connector.url))).status).toBe(200);
    const SHARED = '19:shared-with-fabrikam@thread.tacv2';
    const staff = channelMessage({ serviceUrl: connector.url, from: teamsStaff, text: 'testing Baton', channel: SHARED });
    expect((await send(staff)).status).toBe(200);
    await h.settle();
    expect(h.fake.calls('chat.postMessage').filter((c) => c.args.channel === LEADS)).toEqual([]);

    const ask = channelMessage({ serviceUrl: connector.url, from: teamsCustomer, text: 'Can we get a refund?', channel: SHARED });
    await send(ask);
    const offer = await h.fake.waitFor('chat.postMessage', (c) => c.response.ok && c.args.channel === LEADS && !c.args.thread_ts);
    expect(String(offer.args.text)).toContain(`A customer wrote in \`${SHARED}\` (Microsoft Teams)`);
    await h.waitForPost(LEADS, String(offer.response.ts), (t) => t.includes('Can we get a refund?'));
    await h.settle();
    expect(connector.calls.filter((c) => c.conversationId.startsWith(SHARED) && c.kind !== 'member')).toEqual([]);
  });
});
