import { beforeEach, describe, expect, it } from 'vitest';
import { ACTION, ONBOARD_FIELD, VIEW } from '../../../src/core/model/actions.js';
import { eventCallback, sendEvent } from '../../fakes/slack-request.js';
import { ACME_CHANNEL, type Harness } from '../harness.js';
import { botJoins, ENTERPRISE_QUEUE, lead, LEADS_CHANNEL, mapAndIntroduce, NEW_CHANNEL, newAccountForm, newcoCustomer, offerFor, submit, useOnboardingWorld } from './onboarding-world.js';

const world = useOnboardingWorld();
let h: Harness;
beforeEach(() => {
  h = world();
});

const INTRO = 'Hi Newco team! I am Baton, the support assistant. Ask here and I answer from our docs, or bring in a person.';

/** Baton's posts in the new customer channel, at any level. */
const postsInNewChannel = () => h.postsIn(NEW_CHANNEL);

describe('a new shared channel', () => {
  it('asks the leads to map it, stays silent there until a lead maps it and approves the introduction, then answers with the new account\u2019s routing, across a restart', async () => {
    await botJoins(h, NEW_CHANNEL);
    const offer = await offerFor(h, NEW_CHANNEL);
    const buttons = JSON.stringify(offer.args.blocks);
    expect(buttons).toContain(ACTION.mapChannel);
    expect(buttons).toContain(ACTION.newAccount);
    const logged = await h.waitForLog('channel mapped to no account');
    expect(JSON.parse(logged)).toMatchObject({ level: 30, channel: NEW_CHANNEL });

    const early = await h.say(newcoCustomer, 'How do I invite a teammate?', { channel: NEW_CHANNEL });
    const held = await h.waitForPost(LEADS_CHANNEL, String(offer.response.ts), (t) => t.includes('How do I invite a teammate?'));
    expect(String(held.args.text)).toContain('not answered by Baton');
    await h.settle();
    expect(postsInNewChannel()).toEqual([]);

    const opened = await h.click(lead, ACTION.newAccount, NEW_CHANNEL, { channel: LEADS_CHANNEL, ts: String(offer.response.ts) });
    expect(opened.status).toBe(200);
    const modal = await h.fake.waitFor('views.open', (c) => JSON.stringify(c.args.view).includes(VIEW.newAccount));
    expect(JSON.stringify(modal.args.view)).toContain('"value":"enterprise"');

    const { mapped, approved } = await mapAndIntroduce(h, INTRO);
    expect(mapped.body).toMatchObject({ response_action: 'update', view: { callback_id: VIEW.approveIntro } });
    expect(JSON.stringify(mapped.body.view)).toContain('Hello Newco Ltd!');
    expect(approved.status).toBe(200);
    const intro = await h.waitForPost(NEW_CHANNEL, undefined, (t) => t.includes('Hi Newco team!'));
    expect(intro.args.thread_ts).toBeUndefined();
    const live = await h.fake.waitFor('chat.update', (c) => c.args.channel === LEADS_CHANNEL && String(c.args.text).includes('is live for'));
    expect(String(live.args.text)).toContain('Newco Ltd');
    expect(h.postsIn(NEW_CHANNEL, early)).toEqual([]);

    await expectAnsweredAsNewco();
    await h.restart();
    await expectAnsweredAsNewco();
    expect(h.fake.calls('chat.postMessage').filter((c) => c.args.channel === NEW_CHANNEL && String(c.args.text).includes('Hi Newco team!'))).toHaveLength(1);
  });

  it('keeps the channel silent while it is mapped but its introduction is not approved', async () => {
    await botJoins(h, NEW_CHANNEL);
    await offerFor(h, NEW_CHANNEL);
    const mapped = await submit(h, lead, VIEW.newAccount, NEW_CHANNEL, newAccountForm('Newco Ltd', 'enterprise', null));
    expect(mapped.body.response_action).toBe('update');
    await h.fake.waitFor('chat.update', (c) => c.args.channel === LEADS_CHANNEL && JSON.stringify(c.args.blocks).includes(ACTION.reviewIntro));

    await h.say(newcoCustomer, 'Can I talk to a human please?', { channel: NEW_CHANNEL });
    await h.settle();
    expect(postsInNewChannel()).toEqual([]);
    expect(h.fake.calls('chat.postMessage').filter((c) => c.args.channel === ENTERPRISE_QUEUE)).toEqual([]);
  });

  it('refuses conflicts with the policy file clearly and lets only leads map', async () => {
    await botJoins(h, NEW_CHANNEL);
    const offer = await offerFor(h, NEW_CHANNEL);
    const taken = await submit(h, lead, VIEW.newAccount, NEW_CHANNEL, newAccountForm('Acme', 'enterprise', null));
    expect(taken.body.errors?.[ONBOARD_FIELD.name]).toContain('policy file already has an account with id "acme"');
    const badCrm = await submit(h, lead, VIEW.newAccount, NEW_CHANNEL, newAccountForm('Newco Ltd', 'enterprise', 'crm.example.com/newco'));
    expect(badCrm.body.errors?.[ONBOARD_FIELD.crm]).toContain('https://');
    const stranger = await submit(h, newcoCustomer, VIEW.newAccount, NEW_CHANNEL, newAccountForm('Newco Ltd', 'enterprise', null));
    expect(stranger.body.errors?.[ONBOARD_FIELD.name]).toContain('Only the support leads');
    await h.click(newcoCustomer, ACTION.mapChannel, NEW_CHANNEL, { channel: LEADS_CHANNEL, ts: String(offer.response.ts) });
    const refusal = await h.fake.waitFor('chat.postEphemeral', (c) => c.args.user === newcoCustomer.id);
    expect(String(refusal.args.text)).toContain('Only the support leads');

    const configured = await submit(h, lead, VIEW.mapChannel, ACME_CHANNEL, { [ONBOARD_FIELD.account]: { [ONBOARD_FIELD.account]: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: 'Globex', emoji: true }, value: 'globex' } } } });
    expect(configured.body.errors?.[ONBOARD_FIELD.account]).toContain('policy file already maps this channel to Acme Corp');
  });

  it('never offers a channel the policy maps or one of Baton\u2019s own channels', async () => {
    for (const channel of [ACME_CHANNEL, ENTERPRISE_QUEUE, LEADS_CHANNEL]) await botJoins(h, channel);
    await botJoins(h, NEW_CHANNEL);
    await offerFor(h, NEW_CHANNEL);
    await h.settle();
    expect(h.fake.calls('chat.postMessage').filter((c) => c.args.channel === LEADS_CHANNEL)).toHaveLength(1);
  });

  it('offers a channel newly shared with another organization', async () => {
    const res = await sendEvent(h.target, eventCallback({ type: 'channel_shared', connected_team_id: newcoCustomer.teamId, channel: 'C0SHARED01', event_ts: '1796000000.000100' }));
    expect(res.status).toBe(200);
    const offer = await offerFor(h, 'C0SHARED01');
    expect(String(offer.args.text)).toContain('A new Slack Connect share started in');
  });
});

/** A how-to question is answered in Newco's channel; asking for a person reaches the enterprise queue with Newco's account. */
async function expectAnsweredAsNewco(): Promise<void> {
  const question = await h.say(newcoCustomer, 'How do I invite a teammate?', { channel: NEW_CHANNEL });
  const answer = await h.waitForPost(NEW_CHANNEL, question);
  expect(String(answer.args.text)).toMatch(/Settings/);
  const human = await h.say(newcoCustomer, 'Can I talk to a human please?', { channel: NEW_CHANNEL });
  const packet = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === ENTERPRISE_QUEUE && !c.args.thread_ts && JSON.stringify(c.args.blocks).includes(`/p${human.replace('.', '')}`));
  const blocks = JSON.stringify(packet.args.blocks);
  expect(blocks).toContain('Newco Ltd');
  expect(blocks).toContain('https://crm.example.com/newco');
  await h.waitForPost(NEW_CHANNEL, human, (t) => t.includes('enterprise support engineer'));
}
