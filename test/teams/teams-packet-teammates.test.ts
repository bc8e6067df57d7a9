import { describe, expect, it } from 'vitest';
import { ACTION, NOTE_FIELD, VIEW } from '../../src/core/model/actions.js';
import type { AdaptiveCard } from '../../src/teams/render/adaptive-card.js';
import { ASSIGN_SUBMIT, ASSIGNEE_FIELD } from '../../src/teams/render/teammate-forms.js';
import type { ConnectorCall, TeamsMember } from '../fakes/fake-teams-connector.js';
import { assertCardWithinLimits } from './card-limits.js';
import { ACCESS_QUEUE, CONTOSO_CHANNEL, channelMessage, executeInvoke, installedInTeam, queueInvoke, queueSubmit, teamsCustomer, teamsLead, teamsStaff, teamsStaff2, VENDOR_TEAM } from './teams-activities.js';
import { cardsIn, useTeamsWorld } from './teams-world.js';

const world = useTeamsWorld();
const SIGN_IN_TROUBLE = 'I can\u2019t log in and the reset email never arrives, can I talk to a human please?';
const NOTE = 'Customer is on the legacy plan, see FIN-88';

/** A Contoso customer in Teams asks for a person; the packet card opens a thread in the Teams access queue. */
async function escalated() {
  const { send, connector } = world();
  await send(installedInTeam(connector.url));
  const ask = channelMessage({ serviceUrl: connector.url, from: teamsCustomer, text: SIGN_IN_TROUBLE });
  await send(ask);
  const created = await connector.waitFor((c) => c.kind === 'create' && c.conversationId === ACCESS_QUEUE && c.status === 201);
  const escalationId = /Escalation (E-[A-Z0-9]+)/.exec(JSON.stringify(cardsIn(created)))![1]!;
  const click = async (from: TeamsMember, verb: string, data: Record<string, unknown> = {}) => (await send(queueInvoke({ serviceUrl: connector.url, from, root: created.id!, verb, data: { escalationId, ...data } }))).body;
  return { ask, root: created.id!, card: cardsIn(created)[0]!, escalationId, click };
}

/** What a click was answered with: a card (checked against the card limits) or a line of text. */
function answer(body: string): AdaptiveCard | string {
  const parsed = JSON.parse(body) as { type: string; value: AdaptiveCard | string };
  if (typeof parsed.value === 'string') return parsed.value;
  assertCardWithinLimits(parsed.value);
  return parsed.value;
}

const verbs = (card: AdaptiveCard) => (card.actions ?? []).flatMap((a) => (typeof a.verb === 'string' ? [a.verb] : []));
const inThread = (root: string, text: string) => (c: ConnectorCall) => c.kind === 'reply' && c.conversationId === `${ACCESS_QUEUE};messageid=${root}` && c.body.text === text;
const customerSaw = (words: string) => world().connector.posts(CONTOSO_CHANNEL).some((c) => JSON.stringify(c.body).includes(words));

describe('Add note and Assign to\u2026 on a Teams packet card', () => {
  it('keeps a specialist\u2019s note and posts it in the packet thread, never in the customer\u2019s conversation', async () => {
    const { connector, h } = world();
    const { root, card, escalationId, click } = await escalated();
    expect(verbs(card)).toEqual([ACTION.claim, ACTION.replyToCustomer, ACTION.addNote, ACTION.assign, ACTION.close]);

    const form = answer(await click(teamsStaff, ACTION.addNote)) as AdaptiveCard;
    expect(JSON.stringify(form)).toContain('The customer never sees it.');
    expect(verbs(form)).toEqual([VIEW.internalNote, ACTION.showPacket]);
    const empty = answer(await click(teamsStaff, VIEW.internalNote, { [NOTE_FIELD]: '   ' }));
    expect(JSON.stringify(empty)).toContain('Write something first: the note is empty.');

    const back = answer(await click(teamsStaff, VIEW.internalNote, { [NOTE_FIELD]: NOTE })) as AdaptiveCard;
    expect(JSON.stringify(back)).toContain(`Escalation ${escalationId}`);
    await connector.waitFor(inThread(root, `Internal note from ${teamsStaff.name}: ${NOTE}`));
    expect((await h.baton.core.escalations.get(escalationId))?.notes).toEqual([expect.objectContaining({ by: { id: teamsStaff.aadObjectId, name: teamsStaff.name }, text: NOTE })]);
    await h.settle();
    expect(customerSaw('FIN-88')).toBe(false);
  });

  it('assigns to a teammate picked from the queue team\u2019s staff: they claim it, the customer hears who has it, the thread who gave it', async () => {
    const { send, connector, postIn, h } = world();
    const { ask, root, escalationId, click } = await escalated();

    const form = answer(await click(teamsStaff, ACTION.assign)) as AdaptiveCard;
    const picker = form.body.find((e) => e.type === 'Input.ChoiceSet' && e.id === ASSIGNEE_FIELD) as { choices: { title: string; value: string }[] };
    // Every member of the queue's team as Teams lists them, page by page, the customer's tenant left out.
    expect(picker.choices).toEqual([teamsLead, teamsStaff, teamsStaff2].map((m) => ({ title: m.name, value: m.aadObjectId })));
    expect(connector.calls.filter((c) => c.kind === 'members' && c.conversationId === VENDOR_TEAM).length).toBeGreaterThan(1);

    // A client without Action.Execute sends the pick beside the fallback's data; the card is updated in place.
    await send(queueSubmit({ serviceUrl: connector.url, from: teamsStaff, root, verb: ASSIGN_SUBMIT, data: { escalationId }, inputs: { [ASSIGNEE_FIELD]: teamsStaff2.aadObjectId } }));
    await connector.waitFor((c) => c.kind === 'update' && c.activityId === root && JSON.stringify(c.body).includes(`Claimed by ${teamsStaff2.name}`));
    expect((await h.baton.core.escalations.get(escalationId))?.claimedBy).toEqual({ id: teamsStaff2.aadObjectId, name: teamsStaff2.name });
    await postIn(ask.id, (c) => c.body.text === `${teamsStaff2.name} from our team is on it now.`);
    await connector.waitFor(inThread(root, `${teamsStaff.name} assigned this to ${teamsStaff2.name}.`));
  });

  it('refuses a customer\u2019s press, a forged pick and a press from another channel, and changes nothing', async () => {
    const { send, connector, h } = world();
    const { root, escalationId, click } = await escalated();

    expect(answer(await click(teamsCustomer, ACTION.addNote))).toBe('Only the support team can write internal notes.');
    expect(answer(await click(teamsCustomer, VIEW.internalNote, { [NOTE_FIELD]: NOTE }))).toBe('Only the support team can write internal notes.');
    expect(answer(await click(teamsCustomer, ACTION.assign))).toMatch(/^Only the support team/);
    expect(answer(await click(teamsCustomer, ASSIGN_SUBMIT, { [ASSIGNEE_FIELD]: teamsCustomer.aadObjectId }))).toMatch(/^Only the support team/);
    // A staff member's card sent back with a pick the form never offered: Teams' own answer decides.
    expect(answer(await click(teamsStaff, ASSIGN_SUBMIT, { [ASSIGNEE_FIELD]: teamsCustomer.aadObjectId }))).toBe('Escalations can only be assigned to the support team.');
    expect(answer(await click(teamsStaff, ASSIGN_SUBMIT, { [ASSIGNEE_FIELD]: 'aad-nobody' }))).toMatch(/not in this queue\u2019s team/);

    // The same card data pressed in the customer's own channel does nothing.
    const elsewhere = (verb: string, data: Record<string, unknown>) =>
      send(executeInvoke({ serviceUrl: connector.url, from: teamsStaff, root: '1700000000996', cardId: root, verb, data: { escalationId, ...data } }));
    expect((await elsewhere(VIEW.internalNote, { [NOTE_FIELD]: NOTE })).body).toContain('This button no longer works.');
    expect((await elsewhere(ASSIGN_SUBMIT, { [ASSIGNEE_FIELD]: teamsStaff2.aadObjectId })).body).toContain('This button no longer works.');

    await h.settle();
    const escalation = await h.baton.core.escalations.get(escalationId);
    expect(escalation?.claimedBy).toBeUndefined();
    expect(escalation?.notes ?? []).toEqual([]);
    expect(customerSaw('FIN-88') || customerSaw('is on it now')).toBe(false);
  });
});
