import { describe, expect, it } from 'vitest';
import { ACTION } from '../../src/core/model/actions.js';
import type { TeamsMember } from '../fakes/fake-teams-connector.js';
import { customer } from '../e2e/harness.js';
import { ACCESS_QUEUE, CONTOSO_CHANNEL, channelMessage, executeInvoke, installedInTeam, queueInvoke, teamsCustomer, teamsStaff } from './teams-activities.js';
import { cardsIn, useTeamsWorld } from './teams-world.js';

const world = useTeamsWorld();
const SUPPORT = 'C0SUPPORT1';
const GLOBEX_CHANNEL = '19:globex@thread.tacv2';
const GLOBEX_TEAM = '19:globex-team@thread.tacv2';
/** A customer of another organisation: in Globex's own channel, and a guest in Contoso's shared one. */
const globexCustomer: TeamsMember = { id: '29:gina', name: 'Gina Globex', aadObjectId: 'aad-gina', tenantId: '44444444-4444-4444-8444-444444444444' };

/** Contoso's customer asks; Baton's answer card and the buttons' data, as Teams would send them back. */
async function answered() {
  const { send, connector, postIn } = world();
  connector.addMember(globexCustomer);
  const ask = channelMessage({ serviceUrl: connector.url, from: teamsCustomer, text: 'How do I invite a teammate?' });
  await send(ask);
  const answer = await postIn(ask.id);
  const actions = cardsIn(answer)[0]!.actions as { verb?: string; data?: Record<string, unknown> }[];
  const dataOf = (verb: string) => actions.find((a) => a.verb === verb)!.data!;
  return { ask, answer, dataOf };
}

/** Nothing opened: the conversation is still the bot's, no vote, no packet in any queue. */
async function nothingHappened(conversationKey: string) {
  const { h } = world();
  await h.settle();
  expect((await h.baton.core.conversations.get(conversationKey))?.mode).toBe('bot');
  expect(await h.baton.stores.feedback.list(0, Date.now() + 1)).toEqual([]);
  expect(h.postsIn(SUPPORT)).toEqual([]);
}

describe('Teams card buttons act only on their own conversation, for its own customers', () => {
  it('a customer of another organisation in the shared channel is refused "Talk to a person" and "Not helpful"', async () => {
    const { send, connector } = world();
    const { ask, answer, dataOf } = await answered();
    const press = (verb: string) => executeInvoke({ serviceUrl: connector.url, from: globexCustomer, root: ask.id, cardId: answer.id!, verb, data: dataOf(verb) });
    for (const verb of [ACTION.talkToHuman, ACTION.answerNotHelpful, ACTION.answerHelpful]) {
      const res = await send(press(verb));
      expect(res.status).toBe(200);
      expect(res.body).toContain('belong to the customer who asked here');
    }
    await nothingHappened(`teams:${CONTOSO_CHANNEL}:${ask.id}`);
  });

  it('card data naming another conversation (forged in Globex\u2019s own channel, or another thread) opens nothing', async () => {
    const { send, connector } = world();
    const { ask, answer, dataOf } = await answered();
    const forged = (verb: string, place: { channel?: string; team?: string; root: string }) =>
      executeInvoke({ serviceUrl: connector.url, from: place.channel ? globexCustomer : teamsCustomer, ...place, cardId: answer.id!, verb, data: dataOf(verb) });
    const elsewhere = [
      { channel: GLOBEX_CHANNEL, team: GLOBEX_TEAM, root: '1700000000999' },
      { root: '1700000000998' },
    ];
    for (const place of elsewhere) {
      for (const verb of [ACTION.talkToHuman, ACTION.answerNotHelpful]) {
        const res = await send(forged(verb, place));
        expect(res.status).toBe(200);
        expect(res.body).toContain('This button no longer works.');
      }
    }
    await nothingHappened(`teams:${CONTOSO_CHANNEL}:${ask.id}`);
    expect(connector.posts(GLOBEX_CHANNEL)).toEqual([]);
  });
});

describe('Teams packet cards', () => {
  it('act only in their own queue\u2019s channel: a Claim naming its escalation from another channel claims nothing', async () => {
    const { send, connector, h } = world();
    await send(installedInTeam(connector.url));
    await h.say(customer, 'I can\u2019t log in and the reset email never arrives, can I talk to a human please?');
    const created = await connector.waitFor((c) => c.kind === 'create' && c.conversationId === ACCESS_QUEUE && c.status === 201);
    const escalationId = /Escalation (E-[A-Z0-9]+)/.exec(JSON.stringify(cardsIn(created)))![1]!;
    const forged = executeInvoke({ serviceUrl: connector.url, from: teamsStaff, root: '1700000000997', cardId: '1700000000997', verb: ACTION.claim, data: { escalationId } });
    const res = await send(forged);
    expect(res.body).toContain('This button no longer works.');
    expect((await h.baton.core.escalations.get(escalationId))?.claimedBy).toBeUndefined();
    const real = await send(queueInvoke({ serviceUrl: connector.url, from: teamsStaff, root: created.id!, verb: ACTION.claim, data: { escalationId } }));
    expect(real.status).toBe(200);
    expect((await h.baton.core.escalations.get(escalationId))?.claimedBy?.id).toBe(teamsStaff.aadObjectId);
  });
});

describe('malformed Teams activities', () => {
  it('are answered 400 naming what is missing, so Teams does not deliver them again, and nothing is taken in', async () => {
    const { send, connector, h } = world();
    const ask = channelMessage({ serviceUrl: connector.url, from: teamsCustomer, text: 'How do I invite a teammate?' });
    const { type: _type, ...untyped } = ask;
    const { from: _from, ...anonymous } = ask;
    const noType = await send(untyped);
    expect(noType).toEqual({ status: 400, body: 'not a Bot Framework activity: type missing or invalid\n' });
    const noFrom = await send(anonymous);
    expect(noFrom).toEqual({ status: 400, body: 'not a Bot Framework activity: from missing or invalid\n' });
    expect(await h.baton.intake.inbox.pending()).toEqual([]);
    expect(connector.calls).toEqual([]);
  });
});
