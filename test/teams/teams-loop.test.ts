import { describe, expect, it } from 'vitest';
import { ACTION } from '../../src/core/model/actions.js';
import { ana } from '../e2e/harness.js';
import { closeWithTags } from '../e2e/loop/loop-world.js';
import { CONTOSO_CHANNEL, channelMessage, executeInvoke, teamsCustomer } from './teams-activities.js';
import { cardsIn, useTeamsWorld } from './teams-world.js';

const world = useTeamsWorld();
const SECURITY = 'C0SECURE01';

/** A high-risk question from the Teams customer goes to the Slack security queue; returns the thread root and the packet. */
async function escalate() {
  const { send, connector, h } = world();
  const ask = channelMessage({ serviceUrl: connector.url, from: teamsCustomer, text: 'We think someone accessed our workspace without permission, please check' });
  await send(ask);
  const packet = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === SECURITY && !c.args.thread_ts);
  const escalationId = /Escalation (E-[A-Z0-9]+)/.exec(JSON.stringify(packet.args.blocks))?.[1];
  if (!escalationId) throw new Error('packet carries no escalation id');
  return { root: ask.id, packet, escalationId, message: { channel: SECURITY, ts: String(packet.response.ts) } };
}

describe('a Teams customer handed to a Slack specialist', () => {
  it('hears who claimed it, and after the close gets the survey card and can rate once', async () => {
    const { send, connector, postIn, h } = world();
    const { root, escalationId, message } = await escalate();
    await postIn(root, (c) => String(c.body.text ?? '').includes('security specialist'));

    await h.click(ana, ACTION.claim, escalationId, message);
    await postIn(root, (c) => String(c.body.text ?? '') === 'Ana from our team is on it now.');

    await closeWithTags(h, escalationId, { rootCause: 'other', accuracy: 'correct', automation: 'no' });
    const survey = await postIn(root, (c) => JSON.stringify(c.body).includes(ACTION.csat));
    const [card] = cardsIn(survey);
    expect(JSON.stringify(card).match(/"verb":"baton\.csat"/g)).toHaveLength(10);
    await h.waitForLog('CSAT asked');

    const key = `teams:${CONTOSO_CHANNEL}:${root}`;
    const rate = (rating: number) => send(executeInvoke({ serviceUrl: connector.url, from: teamsCustomer, root, cardId: survey.id!, verb: ACTION.csat, data: { conversationKey: key, rating } }));
    const rated = await rate(4);
    expect(JSON.parse(rated.body)).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    const thanks = await connector.waitFor((c) => c.kind === 'update' && c.activityId === survey.id);
    expect(JSON.stringify(thanks.body)).not.toContain(ACTION.csat);
    expect(JSON.parse((await rate(1)).body).value).toMatch(/rated already/);
    expect(await h.baton.stores.csat.get(key)).toMatchObject({ rating: 4, ratedBy: teamsCustomer.aadObjectId });
  });
});
