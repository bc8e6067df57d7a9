import { beforeEach, describe, expect, it } from 'vitest';
import { ONBOARD_FIELD, VIEW } from '../../../src/core/model/actions.js';
import { typedText } from '../../fakes/slack-request.js';
import type { Harness } from '../harness.js';
import { botJoins, LEADS_CHANNEL, lead, mapAndIntroduce, NEW_CHANNEL, newcoCustomer, offerFor, submit, useOnboardingWorld } from './onboarding-world.js';

/**
 * Onboarding's posts over Slack's real HTTP path, as the outbox contract holds every delivery: a post Slack
 * fails is tried again and lands once; a post whose answer was lost (the connection dropped after Slack
 * took it) is found by its delivery id after a restart, not posted again.
 */
const world = useOnboardingWorld();
let h: Harness;
beforeEach(() => {
  h = world();
});

const INTRO = 'Hi Newco team! I am Baton, the support assistant.';
const offers = () => h.postsIn(LEADS_CHANNEL).filter((c) => !c.args.thread_ts && String(c.args.text).includes(`<#${NEW_CHANNEL}>`));
const intros = () => h.postsIn(NEW_CHANNEL).filter((c) => String(c.args.text).includes('Hi Newco team!'));

describe('onboarding posts, sent once', () => {
  it('finds the leads’ message whose answer was lost across a restart, and shows a held message once though Slack failed it first', async () => {
    h.fake.failNext('chat.postMessage', { disconnect: 'after' });
    await botJoins(h, NEW_CHANNEL);
    await h.waitForLog('could not tell the leads about a new channel');
    await h.restart();

    h.fake.failNext('chat.postMessage', { status: 500 }, 2);
    await h.say(newcoCustomer, 'Where are our invoices?', { channel: NEW_CHANNEL });
    const offer = await offerFor(h, NEW_CHANNEL);
    await h.waitForPost(LEADS_CHANNEL, String(offer.response.ts), (t) => t.includes('Where are our invoices?'));
    await h.settle();

    expect(offers()).toHaveLength(1);
    expect(offer.args.metadata).toMatchObject({ event_payload: { delivery_id: `offer:${NEW_CHANNEL}` } });
    expect(h.postsIn(LEADS_CHANNEL, String(offer.response.ts)).filter((c) => String(c.args.text).includes('Where are our invoices?'))).toHaveLength(1);
    expect(h.postsIn(NEW_CHANNEL)).toEqual([]);
  });

  it('posts the introduction once when its answer was lost and the lead approves again after a restart', async () => {
    await botJoins(h, NEW_CHANNEL);
    await offerFor(h, NEW_CHANNEL);
    h.fake.failNext('chat.postMessage', { disconnect: 'after' });
    const { approved } = await mapAndIntroduce(h, INTRO);
    expect(approved.body.errors?.[ONBOARD_FIELD.intro]).toBeTruthy();
    await h.restart();

    const again = await submit(h, lead, VIEW.approveIntro, NEW_CHANNEL, { [ONBOARD_FIELD.intro]: { [ONBOARD_FIELD.intro]: typedText(INTRO) } });
    expect(again.body.errors).toBeUndefined();
    await h.fake.waitFor('chat.update', (c) => c.args.channel === LEADS_CHANNEL && String(c.args.text).includes('is live for'));
    expect(intros()).toHaveLength(1);
    expect(intros()[0]!.args.metadata).toMatchObject({ event_payload: { delivery_id: `intro:${NEW_CHANNEL}` } });
  });
});
