import { describe, expect, it } from 'vitest';
import { ACTION, REPLY_FIELD, VIEW } from '../../src/core/model/actions.js';
import { ACME_CHANNEL, ana, customer, type Harness } from '../e2e/harness.js';
import { sendInteraction, typedText, viewSubmissionPayload } from '../fakes/slack-request.js';
import { channelMessage, teamsCustomer } from './teams-activities.js';
import { useTeamsWorld } from './teams-world.js';

const world = useTeamsWorld();
const SECURITY = 'C0SECURE01';
const SECURITY_QUESTION = 'We think someone accessed our workspace without permission, please check';

/** A specialist presses "Reply to customer" on the packet, then sends the composer. */
async function replyFromPacket(h: Harness, escalationId: string, packetTs: string, text: string) {
  await h.click(ana, ACTION.replyToCustomer, escalationId, { channel: SECURITY, ts: packetTs });
  const opened = await h.fake.waitFor('views.open', (c) => JSON.stringify(c.args.view).includes(VIEW.replyToCustomer));
  expect(JSON.stringify(opened.args.view)).toContain(escalationId);
  const payload = viewSubmissionPayload({ user: ana, callbackId: VIEW.replyToCustomer, privateMetadata: escalationId, values: { [REPLY_FIELD]: { [REPLY_FIELD]: typedText(text) } } });
  expect((await sendInteraction(h.target, payload)).status).toBe(200);
}

async function packetIn(h: Harness) {
  const packet = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === SECURITY && !c.args.thread_ts);
  const escalationId = /Escalation (E-[A-Z0-9]+)/.exec(JSON.stringify(packet.args.blocks))?.[1];
  if (!escalationId) throw new Error('packet carries no escalation id');
  expect(JSON.stringify(packet.args.blocks)).toContain(ACTION.replyToCustomer);
  return { escalationId, ts: String(packet.response.ts) };
}

describe('"Reply to customer" from the Slack packet thread', () => {
  it('reaches a Teams customer as "Name from <vendor>", claims the escalation, and their follow-up comes back to the packet thread', async () => {
    const { send, connector, postIn, h } = world();
    const ask = channelMessage({ serviceUrl: connector.url, from: teamsCustomer, text: SECURITY_QUESTION });
    await send(ask);
    const { escalationId, ts } = await packetIn(h);

    await replyFromPacket(h, escalationId, ts, 'We locked the workspace and are checking the sign-in log now.');
    const relayed = await postIn(ask.id, (c) => String(c.body.text ?? '').startsWith('Ana from our team:'));
    expect(relayed.body.text).toBe('Ana from our team: We locked the workspace and are checking the sign-in log now.');
    await h.waitForPost(SECURITY, ts, (t) => t.includes('Ana replied to the customer'));
    expect((await h.baton.core.escalations.get(escalationId))?.claimedBy?.id).toBe(ana.id);

    await send(channelMessage({ serviceUrl: connector.url, from: teamsCustomer, root: ask.id, text: 'Thanks, it was our contractor after all' }));
    await h.waitForPost(SECURITY, ts, (t) => t.includes('Carla Contoso added: Thanks, it was our contractor after all'));
  });

  it('works the same for a Slack customer, and nothing else said in the packet thread reaches them', async () => {
    const { h } = world();
    const thread = await h.say(customer, SECURITY_QUESTION);
    const { escalationId, ts } = await packetIn(h);
    await h.say(ana, 'Internal: looks like the contractor again', { channel: SECURITY, threadTs: ts });
    await replyFromPacket(h, escalationId, ts, 'Your workspace is safe; we reset the sessions.');
    await h.waitForPost(ACME_CHANNEL, thread, (t) => t === 'Ana from our team: Your workspace is safe; we reset the sessions.');
    await h.baton.intake.worker.idle();
    expect(h.postsIn(ACME_CHANNEL, thread).map((c) => String(c.args.text)).join('\n')).not.toContain('contractor');
  });
});
