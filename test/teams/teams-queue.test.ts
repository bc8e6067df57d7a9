import { describe, expect, it } from 'vitest';
import { ACTION, CLOSE_FIELD, REPLY_FIELD, VIEW } from '../../src/core/model/actions.js';
import type { AdaptiveCard } from '../../src/teams/render/adaptive-card.js';
import { ACME_CHANNEL, customer } from '../e2e/harness.js';
import type { ConnectorCall } from '../fakes/fake-teams-connector.js';
import { assertCardWithinLimits } from './card-limits.js';
import { ACCESS_QUEUE, channelMessage, installedInTeam, queueInvoke, queueSubmit, teamsCustomer, teamsStaff, teamsStaff2 } from './teams-activities.js';
import { cardsIn, useTeamsWorld } from './teams-world.js';

const world = useTeamsWorld();
const SIGN_IN_TROUBLE = 'I can\u2019t log in and the reset email never arrives, can I talk to a human please?';

/** The packet card Baton opened a thread with in the Teams access queue, and its escalation id. */
async function packetThread(): Promise<{ root: string; card: AdaptiveCard; escalationId: string }> {
  const created = await world().connector.waitFor((c) => c.kind === 'create' && c.conversationId === ACCESS_QUEUE && c.status === 201);
  const [card] = cardsIn(created);
  const escalationId = /Escalation (E-[A-Z0-9]+)/.exec(JSON.stringify(card))?.[1];
  if (!card || !escalationId) throw new Error('the queue thread carries no packet card');
  return { root: created.id!, card, escalationId };
}

/** The card an Action.Execute click was answered with, checked against the card limits like every posted one. */
function answeredCard(body: string): AdaptiveCard {
  const answer = JSON.parse(body) as { type: string; value: AdaptiveCard };
  expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
  assertCardWithinLimits(answer.value);
  return answer.value;
}

const verbs = (card: AdaptiveCard) => (card.actions ?? []).flatMap((a) => (typeof a.verb === 'string' ? [a.verb] : []));
const inThread = (root: string) => (c: ConnectorCall) => c.kind === 'reply' && c.conversationId === `${ACCESS_QUEUE};messageid=${root}`;
const updatesOf = (root: string) => (c: ConnectorCall) => c.kind === 'update' && c.activityId === root && c.status === 200;

describe('a specialist queue in a Teams channel', () => {
  it('gets a Slack customer\u2019s packet as a card in its own thread, with Claim, Reply to customer, Add note, Assign to… and Close', async () => {
    const { send, connector, h } = world();
    expect((await send(installedInTeam(connector.url))).status).toBe(200);
    const thread = await h.say(customer, SIGN_IN_TROUBLE);
    const { card, escalationId } = await packetThread();
    const json = JSON.stringify(card);
    expect(json).toContain('Acme Corp');
    expect(json).toContain('access specialist');
    expect(json).toContain('reset email never arrives');
    expect(verbs(card)).toEqual([ACTION.claim, ACTION.replyToCustomer, ACTION.addNote, ACTION.assign, ACTION.close]);
    await h.waitForPost(ACME_CHANNEL, thread, (t) => t.includes('access specialist'));
    expect(escalationId).toMatch(/^E-/);
  });

  it('sends the packet to the default Slack queue when Teams refuses the post in the queue channel', async () => {
    const { send, connector, h } = world();
    await send(installedInTeam(connector.url));
    connector.failNext({ status: 403 });
    await h.say(customer, SIGN_IN_TROUBLE);
    const packet = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === 'C0SUPPORT1' && !c.args.thread_ts);
    expect(JSON.stringify(packet.args.blocks)).toContain('access specialist');
    expect(connector.calls.filter((c) => c.kind === 'create').map((c) => c.status)).toEqual([403]);
  });

  it('lets exactly one of two racing Claim submits win, updates the card in place, and tells the Teams customer who has it', async () => {
    const { send, connector, postIn } = world();
    await send(installedInTeam(connector.url));
    const ask = channelMessage({ serviceUrl: connector.url, from: teamsCustomer, text: SIGN_IN_TROUBLE });
    await send(ask);
    const { root, escalationId } = await packetThread();
    const claim = (from: typeof teamsStaff) => send(queueSubmit({ serviceUrl: connector.url, from, root, verb: ACTION.claim, data: { escalationId } }));
    const answers = await Promise.all([claim(teamsStaff), claim(teamsStaff2)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);

    const refusal = await connector.waitFor((c) => inThread(root)(c) && /already claimed this escalation/.test(String(c.body.text)));
    const winner = String(refusal.body.text).startsWith(teamsStaff.name) ? teamsStaff : teamsStaff2;
    const updated = await connector.waitFor((c) => updatesOf(root)(c) && JSON.stringify(c.body).includes(`Claimed by ${winner.name}`));
    expect(verbs(cardsIn(updated)[0]!)).toContain(ACTION.release);
    await postIn(ask.id, (c) => c.body.text === `${winner.name} from our team is on it now.`);
    expect(connector.calls.filter((c) => c.kind === 'reply' && /already claimed/.test(String(c.body.text)))).toHaveLength(1);
  });

  it('refuses a close with missing tags with errors on the card, then closes with them and the customer gets the survey', async () => {
    const { send, connector, postIn } = world();
    await send(installedInTeam(connector.url));
    const ask = channelMessage({ serviceUrl: connector.url, from: teamsCustomer, text: SIGN_IN_TROUBLE });
    await send(ask);
    const { root, escalationId } = await packetThread();
    const click = (verb: string, data: Record<string, unknown>) => send(queueInvoke({ serviceUrl: connector.url, from: teamsStaff, root, verb, data }));

    const form = answeredCard((await click(ACTION.close, { escalationId })).body);
    expect(JSON.stringify(form.body).match(/"type":"Input.ChoiceSet"/g)).toHaveLength(3);
    expect(verbs(form)).toContain(VIEW.closeEscalation);
    // Cancel must work on the empty form: Teams would otherwise insist on the required tags first.
    expect(form.actions?.find((a) => a.verb === ACTION.showPacket)).toMatchObject({ associatedInputs: 'none', fallback: { associatedInputs: 'none' } });

    const refused = answeredCard((await click(VIEW.closeEscalation, { escalationId, [CLOSE_FIELD.rootCause]: 'product_bug', [CLOSE_FIELD.aiAccuracy]: '' })).body);
    const shown = JSON.stringify(refused);
    expect(shown).toContain('Say how accurate Baton was.');
    expect(shown).toContain('Say whether Baton could handle this next time.');
    expect(shown).not.toContain('"text":"Pick the root cause."');
    expect(shown).toContain('"value":"product_bug"');

    const tags = { [CLOSE_FIELD.rootCause]: 'product_bug', [CLOSE_FIELD.aiAccuracy]: 'correct', [CLOSE_FIELD.automation]: 'maybe', [CLOSE_FIELD.note]: 'Reset email was in quarantine' };
    const closed = answeredCard((await click(VIEW.closeEscalation, { escalationId, ...tags })).body);
    expect(JSON.stringify(closed)).toContain(`Resolved by ${teamsStaff.name}`);
    expect(verbs(closed)).toEqual([]);
    await connector.waitFor((c) => updatesOf(root)(c) && JSON.stringify(c.body).includes('Resolved by'));
    await postIn(ask.id, (c) => JSON.stringify(c.body).includes(ACTION.csat));
  });

  it('relays "Reply to customer" from the Teams packet to a Slack customer, and refuses a customer tenant\u2019s click', async () => {
    const { send, connector, h } = world();
    await send(installedInTeam(connector.url));
    const thread = await h.say(customer, SIGN_IN_TROUBLE);
    const { root, escalationId } = await packetThread();
    const click = (from: typeof teamsStaff, verb: string, data: Record<string, unknown>) => send(queueInvoke({ serviceUrl: connector.url, from, root, verb, data }));

    expect(JSON.parse((await click(teamsCustomer, ACTION.claim, { escalationId })).body).value).toMatch(/Only the support team/);
    const composer = answeredCard((await click(teamsStaff, ACTION.replyToCustomer, { escalationId })).body);
    expect(JSON.stringify(composer)).toContain(REPLY_FIELD);
    const empty = answeredCard((await click(teamsStaff, ACTION.sendToCustomer, { escalationId, [REPLY_FIELD]: '  ' })).body);
    expect(JSON.stringify(empty)).toContain('Write the reply the customer should read.');

    const sent = answeredCard((await click(teamsStaff, ACTION.sendToCustomer, { escalationId, [REPLY_FIELD]: 'We re-sent the reset email; check quarantine too.' })).body);
    expect(JSON.stringify(sent)).toContain(`Claimed by ${teamsStaff.name}`);
    await h.waitForPost(ACME_CHANNEL, thread, (t) => t === 'Sam Vendor from our team: We re-sent the reset email; check quarantine too.');
    await connector.waitFor((c) => inThread(root)(c) && String(c.body.text).startsWith('Sam Vendor replied to the customer'));
  });
});
