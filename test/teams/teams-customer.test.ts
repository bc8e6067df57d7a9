import { describe, expect, it } from 'vitest';
import { ACTION } from '../../src/core/model/actions.js';
import { CONTOSO_CHANNEL, CONTOSO_CHAT, channelMessage, chatMessage, executeInvoke, submitMessage, teamsCustomer, teamsStaff } from './teams-activities.js';
import { cardsIn, useTeamsWorld } from './teams-world.js';

const world = useTeamsWorld();
const SUPPORT = 'C0SUPPORT1';

describe('a Teams customer', () => {
  it('gets the answer in the thread as a card with its source and a way to a person', async () => {
    const { send, connector, postIn } = world();
    const ask = channelMessage({ serviceUrl: connector.url, from: teamsCustomer, text: 'How do I invite a teammate?' });
    expect((await send(ask)).status).toBe(200);
    const reply = await postIn(ask.id);
    expect(reply.activityId).toBe(ask.id);
    const [card] = cardsIn(reply);
    const json = JSON.stringify(card);
    expect(json).toMatch(/Settings/);
    expect(json).toContain('Source:');
    expect(card!.actions).toEqual([
      expect.objectContaining({ type: 'Action.Execute', verb: ACTION.answerHelpful, title: 'Helpful' }),
      expect.objectContaining({ type: 'Action.Execute', verb: ACTION.answerNotHelpful, title: 'Not helpful' }),
      expect.objectContaining({ type: 'Action.Execute', verb: ACTION.talkToHuman, title: 'Talk to a person' }),
    ]);
  });

  it('is answered once when Teams delivers the same activity again', async () => {
    const { send, connector, postIn, h } = world();
    const ask = channelMessage({ serviceUrl: connector.url, from: teamsCustomer, text: 'How do I invite a teammate?' });
    await send(ask);
    await postIn(ask.id);
    expect((await send(ask)).status).toBe(200);
    await h.baton.intake.worker.idle();
    await h.baton.intake.runner.settled(`teams:${CONTOSO_CHANNEL}:${ask.id}`);
    expect(connector.posts(CONTOSO_CHANNEL)).toHaveLength(1);
  });

  it('still gets the answer when the Bot Connector first answers 429 with Retry-After', async () => {
    const { send, connector, postIn } = world();
    connector.failNext({ status: 429, retryAfterSeconds: 1 });
    const ask = channelMessage({ serviceUrl: connector.url, from: teamsCustomer, text: 'How do I invite a teammate?' });
    await send(ask);
    const reply = await postIn(ask.id);
    const attempts = connector.calls.filter((c) => c.activityId === ask.id && c.kind === 'reply');
    expect(attempts.map((c) => c.status)).toEqual([429, 201]);
    expect(reply.status).toBe(201);
  });

  it('in a group chat mapped to the account, is answered in the chat', async () => {
    const { send, connector } = world();
    const ask = chatMessage({ serviceUrl: connector.url, from: teamsCustomer, text: 'How can I export a report to CSV?' });
    expect((await send(ask)).status).toBe(200);
    const reply = await connector.waitFor((c) => c.kind === 'reply' && c.conversationId === CONTOSO_CHAT);
    expect(reply.activityId).toBe(ask.id);
    expect(JSON.stringify(cardsIn(reply))).toContain('CSV');
  });

  it('staff of the vendor tenant never get an answer: their message takes the thread over', async () => {
    const { send, connector, h } = world();
    const note = channelMessage({ serviceUrl: connector.url, from: teamsStaff, text: 'How do I invite a teammate?' });
    expect((await send(note)).status).toBe(200);
    await h.baton.intake.worker.idle();
    const conversation = await h.baton.core.conversations.get(`teams:${CONTOSO_CHANNEL}:${note.id}`);
    expect(conversation?.mode).toBe('human');
    expect(connector.posts(CONTOSO_CHANNEL)).toEqual([]);
  });
});

describe('"Talk to a person" from Teams', () => {
  it('opens the packet in the routed Slack queue and tells the customer who will help and when', async () => {
    const { send, connector, postIn, h } = world();
    const ask = channelMessage({ serviceUrl: connector.url, from: teamsCustomer, text: 'How do I invite a teammate?' });
    await send(ask);
    const answer = await postIn(ask.id);
    const click = executeInvoke({ serviceUrl: connector.url, from: teamsCustomer, root: ask.id, cardId: answer.id!, verb: ACTION.talkToHuman, data: { conversationKey: `teams:${CONTOSO_CHANNEL}:${ask.id}` } });
    const res = await send(click);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    const packet = await h.waitForPost(SUPPORT, undefined);
    expect(JSON.stringify(packet.args.blocks)).toContain('Contoso');
    const notice = await postIn(ask.id, (c) => String(c.body.text ?? '').includes('support specialist'));
    expect(String(notice.body.text)).toMatch(/within 4 hours/);
  });

  it('works from clients without Action.Execute (the Action.Submit fallback), and staff pressing it are told it is for the customer', async () => {
    const { send, connector, postIn, h } = world();
    const ask = channelMessage({ serviceUrl: connector.url, from: teamsCustomer, text: 'How do I invite a teammate?' });
    await send(ask);
    const answer = await postIn(ask.id);
    const data = { conversationKey: `teams:${CONTOSO_CHANNEL}:${ask.id}` };
    await send(submitMessage({ serviceUrl: connector.url, from: teamsStaff, root: ask.id, cardId: answer.id!, verb: ACTION.talkToHuman, data }));
    await postIn(ask.id, (c) => String(c.body.text ?? '').includes('This button is for the customer'));
    await send(submitMessage({ serviceUrl: connector.url, from: teamsCustomer, root: ask.id, cardId: answer.id!, verb: ACTION.talkToHuman, data }));
    await h.waitForPost(SUPPORT, undefined);
  });
});

describe('Helpful / Not helpful from Teams', () => {
  it('"Not helpful" counts the vote and opens the packet in the routed queue, as on Slack', async () => {
    const { send, connector, postIn, h } = world();
    const ask = channelMessage({ serviceUrl: connector.url, from: teamsCustomer, text: 'How do I invite a teammate?' });
    await send(ask);
    const answer = await postIn(ask.id);
    const data = (cardsIn(answer)[0]!.actions as { verb?: string; data?: Record<string, unknown> }[]).find((a) => a.verb === ACTION.answerNotHelpful)!.data!;
    const staffClick = await send(executeInvoke({ serviceUrl: connector.url, from: teamsStaff, root: ask.id, cardId: answer.id!, verb: ACTION.answerNotHelpful, data }));
    expect(staffClick.body).toContain('for the customer');
    const res = await send(executeInvoke({ serviceUrl: connector.url, from: teamsCustomer, root: ask.id, cardId: answer.id!, verb: ACTION.answerNotHelpful, data }));
    expect(res.body).toContain('Sorry that did not help');
    await h.waitForPost(SUPPORT, undefined);
    const votes = await h.baton.stores.feedback.list(0, Date.now() + 1);
    expect(votes).toEqual([expect.objectContaining({ kind: 'vote', vote: 'not_helpful', category: 'how_to', accountId: expect.any(String) })]);
  });
});
