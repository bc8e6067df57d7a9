import { beforeEach, describe, expect, it } from 'vitest';
import { ACTION, CLOSE_FIELD, NOTE_FIELD, VIEW } from '../../src/core/model/actions.js';
import { blockActionsPayload, selectedOption, selectedRadio, sendInteraction, typedText, viewSubmissionPayload } from '../fakes/slack-request.js';
import type { RecordedCall } from '../fakes/fake-slack-api.js';
import { ACME_CHANNEL, ana, ben, customer, type Harness, useHarness } from './harness.js';

const harness = useHarness();
let h: Harness;
beforeEach(() => {
  h = harness();
});

const SUPPORT = 'C0SUPPORT1';
const SECURITY = 'C0SECURE01';

/** A customer asks, presses "Talk to a person", and the packet lands; returns where everything is. */
async function escalateByButton() {
  const thread = await h.say(customer, 'How do I invite a teammate? https://app.example.com/settings/members');
  const answer = await h.waitForPost(ACME_CHANNEL, thread);
  const click = await h.click(customer, ACTION.talkToHuman, `slack:${ACME_CHANNEL}:${thread}`, { channel: ACME_CHANNEL, ts: String(answer.response.ts), threadTs: thread });
  expect(click.status).toBe(200);
  const packet = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === SUPPORT && !c.args.thread_ts);
  return { thread, packet, escalationId: packetEscalationId(packet) };
}

function packetEscalationId(packet: RecordedCall): string {
  const match = /Escalation (E-[A-Z0-9]+)/.exec(JSON.stringify(packet.args.blocks));
  if (!match?.[1]) throw new Error('packet carries no escalation id');
  return match[1];
}

const packetMessage = (packet: RecordedCall) => ({ channel: String(packet.args.channel), ts: String(packet.response.ts) });

describe('escalating to a specialist', () => {
  it('opens a packet in the routed channel and tells the customer who will help and by when', async () => {
    const { thread, packet, escalationId } = await escalateByButton();
    const blocks = JSON.stringify(packet.args.blocks);
    expect(blocks).toContain('Acme Corp');
    expect(blocks).toContain('https://crm.example.com/acme');
    expect(blocks).toContain('enterprise');
    expect(blocks).toContain('app.example.com/settings/members');
    expect(blocks).toContain('Talk to a person');
    expect(blocks).toContain('How do I invite a teammate?');
    expect(blocks).toContain('Settings &gt; Members'); // the bot's answer is in the transcript
    expect(blocks).toContain(ACTION.claim);
    expect(blocks).toContain(ACTION.close);
    const notice = await h.waitForPost(ACME_CHANNEL, thread, (t) => t.includes('support specialist'));
    expect(String(notice.args.text)).toContain('within 4 hours');
    const stored = await h.baton.core.escalations.get(escalationId);
    expect(stored).toMatchObject({ trigger: 'human_button', status: 'open', queueId: 'support', page: 'app.example.com/settings/members' });
  });

  it('routes a high-risk question straight to the security queue without answering it', async () => {
    const thread = await h.say(customer, 'We think someone accessed our workspace without permission, please check');
    const packet = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === SECURITY);
    expect(JSON.stringify(packet.args.blocks)).toContain('someone accessed our workspace');
    const notice = await h.waitForPost(ACME_CHANNEL, thread);
    expect(String(notice.args.text)).toContain('security specialist');
    expect(h.postsIn(ACME_CHANNEL, thread)).toHaveLength(1);
    const id = packetEscalationId(packet);
    expect(await h.baton.core.escalations.get(id)).toMatchObject({ trigger: 'high_risk', category: 'data_privacy_security' });
  });

  it('keeps quiet in the thread while a specialist has it, and mirrors the customer into the packet thread', async () => {
    const { thread, packet } = await escalateByButton();
    await h.say(customer, 'Also, it is for 40 people', { threadTs: thread });
    const mirrored = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === SUPPORT && c.args.thread_ts === packet.response.ts);
    expect(String(mirrored.args.text)).toContain('it is for 40 people');
    await h.settle();
    expect(h.postsIn(ACME_CHANNEL, thread).filter((c) => String(c.args.text).includes('Settings &gt; Members'))).toHaveLength(1);
  });
});

describe('claiming', () => {
  it('lets exactly one of two simultaneous clicks win; the other hears who did', async () => {
    const { thread, packet, escalationId } = await escalateByButton();
    const message = packetMessage(packet);
    await Promise.all([h.click(ana, ACTION.claim, escalationId, message), h.click(ben, ACTION.claim, escalationId, message)]);
    const refusal = await h.fake.waitFor('chat.postEphemeral', (c) => String(c.args.text).includes('already claimed'));
    const stored = await h.baton.core.escalations.get(escalationId);
    expect(stored?.status).toBe('claimed');
    const winner = stored?.claimedBy?.id;
    expect([ana.id, ben.id]).toContain(winner);
    expect(refusal.args.user).toBe(winner === ana.id ? ben.id : ana.id);
    expect(String(refusal.args.text)).toContain(`<@${winner}>`);
    const update = await h.fake.waitFor('chat.update', (c) => c.args.ts === message.ts);
    expect(JSON.stringify(update.args.blocks)).toContain('Claimed');
    const note = await h.waitForPost(ACME_CHANNEL, thread, (t) => t.includes('is on it now'));
    expect(String(note.args.text)).toContain(winner === ana.id ? 'Ana' : 'Ben');
  });

  it('refuses a customer pressing Claim and changes nothing', async () => {
    const { packet, escalationId } = await escalateByButton();
    await h.click(customer, ACTION.claim, escalationId, packetMessage(packet));
    const refusal = await h.fake.waitFor('chat.postEphemeral', (c) => c.args.user === customer.id && String(c.args.text).includes('support team'));
    expect(String(refusal.args.text)).toContain('Only the support team');
    expect((await h.baton.core.escalations.get(escalationId))?.status).toBe('open');
  });

  it('can be released by its owner and claimed by someone else', async () => {
    const { thread, packet, escalationId } = await escalateByButton();
    const message = packetMessage(packet);
    await h.click(ana, ACTION.claim, escalationId, message);
    await h.fake.waitFor('chat.update', (c) => JSON.stringify(c.args.blocks).includes('Claimed'));
    await h.click(ana, ACTION.release, escalationId, message);
    await h.fake.waitFor('chat.update', (c) => JSON.stringify(c.args.blocks).includes('Unclaimed'));
    const notice = await h.waitForPost(ACME_CHANNEL, thread, (t) => t.includes('getting the right person'));
    expect(String(notice.args.text)).toContain('within 4 hours'); // what is left of the first promise
    await h.click(ben, ACTION.claim, escalationId, message);
    await h.fake.waitFor('chat.update', (c) => JSON.stringify(c.args.blocks).includes('Claimed* by Ben'));
    expect((await h.baton.core.escalations.get(escalationId))?.claimedBy?.id).toBe(ben.id);
  });
});

describe('assigning and internal notes in the packet', () => {
  it('assigns with the packet\u2019s picker: the teammate picked claims it and the customer hears who has it', async () => {
    const { thread, packet, escalationId } = await escalateByButton();
    const message = packetMessage(packet);
    const picker = (blocks: unknown) => JSON.stringify(blocks).includes(`"type":"users_select","action_id":"${ACTION.assign}"`);
    expect(picker(packet.args.blocks)).toBe(true);
    const pick = (who: typeof ana, user: string) =>
      sendInteraction(h.target, blockActionsPayload({ user: who, channel: { id: message.channel }, message: { ts: message.ts }, action: { actionId: ACTION.assign, blockId: `packet:${escalationId}`, selectedUser: user } }));
    expect((await pick(ana, customer.id)).status).toBe(200);
    await h.fake.waitFor('chat.postEphemeral', (c) => String(c.args.text).includes('only be assigned to the support team'));
    await pick(ana, ben.id);
    await h.fake.waitFor('chat.update', (c) => JSON.stringify(c.args.blocks).includes('Claimed* by Ben'));
    expect((await h.baton.core.escalations.get(escalationId))?.claimedBy?.id).toBe(ben.id);
    await h.waitForPost(ACME_CHANNEL, thread, (t) => t.includes('Ben'));
    await h.waitForPost(message.channel, message.ts, (t) => t === 'Ana assigned this to Ben.');
  });

  it('keeps a note written with Add note and posts it in the packet thread, never in the customer\u2019s', async () => {
    const { thread, packet, escalationId } = await escalateByButton();
    const message = packetMessage(packet);
    await h.click(ana, ACTION.addNote, escalationId, message);
    const opened = await h.fake.waitFor('views.open', (c) => JSON.stringify(c.args.view).includes(VIEW.internalNote));
    expect(JSON.stringify(opened.args.view)).toContain('The customer never sees it.');
    const note = (text: string | null) => viewSubmissionPayload({ user: ana, callbackId: VIEW.internalNote, privateMetadata: escalationId, values: { [NOTE_FIELD]: { [NOTE_FIELD]: typedText(text) } } });
    expect(JSON.parse((await sendInteraction(h.target, note('  '))).body)).toEqual({ response_action: 'errors', errors: { [NOTE_FIELD]: 'Write something first: the note is empty.' } });
    expect((await sendInteraction(h.target, note('Customer is on the legacy plan, see FIN-88'))).status).toBe(200);
    await h.waitForPost(message.channel, message.ts, (t) => t === 'Internal note from Ana: Customer is on the legacy plan, see FIN-88');
    expect((await h.baton.core.escalations.get(escalationId))?.notes).toEqual([expect.objectContaining({ by: { id: ana.id, name: 'Ana' }, text: 'Customer is on the legacy plan, see FIN-88' })]);
    await h.settle();
    expect(h.postsIn(ACME_CHANNEL, thread).some((c) => String(c.args.text).includes('FIN-88'))).toBe(false);
  });
});

function submission(escalationId: string, values: { rootCause?: string; accuracy?: string; automation?: string; note?: string }) {
  return viewSubmissionPayload({
    user: ana,
    callbackId: VIEW.closeEscalation,
    privateMetadata: escalationId,
    values: {
      [CLOSE_FIELD.rootCause]: { [CLOSE_FIELD.rootCause]: selectedOption(values.rootCause ?? null) },
      [CLOSE_FIELD.aiAccuracy]: { [CLOSE_FIELD.aiAccuracy]: selectedRadio(values.accuracy ?? null) },
      [CLOSE_FIELD.automation]: { [CLOSE_FIELD.automation]: selectedRadio(values.automation ?? null) },
      [CLOSE_FIELD.note]: { [CLOSE_FIELD.note]: typedText(values.note ?? null) },
    },
  });
}

describe('closing with three tags', () => {
  it('opens the modal, shows a missing field as an error, then resolves and hands the thread back to Baton', async () => {
    const { thread, packet, escalationId } = await escalateByButton();
    const message = packetMessage(packet);
    await h.click(ana, ACTION.claim, escalationId, message);
    await h.fake.waitFor('chat.update', (c) => JSON.stringify(c.args.blocks).includes('Claimed'));
    await h.click(ana, ACTION.close, escalationId, message);
    const opened = await h.fake.waitFor('views.open');
    const view = JSON.stringify(opened.args.view);
    for (const label of ['Root cause', 'Missing or unclear docs', 'Partially correct', 'Off-base', 'Maybe']) expect(view).toContain(label);

    const incomplete = await sendInteraction(h.target, submission(escalationId, { rootCause: 'missing_docs', accuracy: 'correct' }));
    expect(incomplete.status).toBe(200);
    expect(JSON.parse(incomplete.body)).toMatchObject({ response_action: 'errors', errors: { [CLOSE_FIELD.automation]: expect.any(String) } });
    expect((await h.baton.core.escalations.get(escalationId))?.status).toBe('claimed');

    const complete = await sendInteraction(h.target, submission(escalationId, { rootCause: 'missing_docs', accuracy: 'partially_correct', automation: 'yes', note: 'Seat limit was reached' }));
    expect(complete.status).toBe(200);
    await h.fake.waitFor('chat.update', (c) => JSON.stringify(c.args.blocks).includes('Resolved'));
    expect(await h.baton.core.escalations.get(escalationId)).toMatchObject({
      status: 'resolved',
      tags: { rootCause: 'missing_docs', aiAccuracy: 'partially_correct', automation: 'yes', note: 'Seat limit was reached' },
    });
    await h.say(ana, 'Glad that worked, Casey!', { threadTs: thread }); // a wrap-up, not a takeover
    expect(h.logs.lines.some((l) => l.includes('Seat limit was reached'))).toBe(false); // notes stay out of logs
    const before = h.postsIn(ACME_CHANNEL, thread).length;
    await h.say(customer, 'How can I export a report to CSV?', { threadTs: thread });
    await h.waitForPost(ACME_CHANNEL, thread, (t) => t.includes('Export'));
    expect(h.postsIn(ACME_CHANNEL, thread).length).toBeGreaterThan(before);
  });
});

describe('a restart in the middle', () => {
  it('keeps the open escalation: it can be claimed and closed after the restart, and the thread stays quiet', async () => {
    const { thread, packet, escalationId } = await escalateByButton();
    await h.restart();
    await h.say(customer, 'How can I export a report to CSV?', { threadTs: thread });
    await h.click(ana, ACTION.claim, escalationId, packetMessage(packet));
    await h.fake.waitFor('chat.update', (c) => JSON.stringify(c.args.blocks).includes('Claimed'));
    expect((await h.baton.core.escalations.get(escalationId))?.claimedBy?.id).toBe(ana.id);
    await h.settle();
    expect(h.postsIn(ACME_CHANNEL, thread).filter((c) => String(c.args.text).includes('Export'))).toHaveLength(0);
  });
});
