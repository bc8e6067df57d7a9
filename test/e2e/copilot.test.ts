import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTION, REPLY_FIELD, VIEW } from '../../src/core/model/actions.js';
import type { RecordedCall } from '../fakes/fake-slack-api.js';
import { blockActionsPayload, sendInteraction, typedText, viewSubmissionPayload } from '../fakes/slack-request.js';
import { ACME_CHANNEL, ana, ben, customer, GLOBEX_CHANNEL, Harness } from './harness.js';
import { dmOf, lead, ManualClock, MINUTE, slash, uploadedFiles } from './loop/loop-world.js';

const SUPPORT = 'C0SUPPORT1';
const SECURITY = 'C0SECURE01';
const QUESTION = 'How do I invite a teammate?';
const DRAFTED = 'Members and press "Invite"';

/** The loop policy with Acme in copilot mode; Globex stays on autopilot. */
function policyFile(dir: string): string {
  const loop = readFileSync('test/fixtures/e2e/baton.loop.yaml', 'utf8');
  const text = loop.replace('channels: [C0ACME0001] }', 'channels: [C0ACME0001], mode: copilot }');
  expect(text).not.toBe(loop);
  const file = join(dir, 'baton.yaml');
  writeFileSync(file, text);
  return file;
}

let dir: string;
let h: Harness;
let clock: ManualClock;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'baton-copilot-'));
  clock = new ManualClock();
  h = await Harness.start({ policyFile: policyFile(dir), clock });
  h.fake.addUser({ id: lead.id, team_id: lead.teamId, real_name: lead.name, name: lead.name?.toLowerCase() });
});
afterEach(async () => {
  expect(h.fake.violations()).toEqual([]);
  await h.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Acme asks; the draft packet lands in the support queue. */
async function draftFor(text = QUESTION) {
  const thread = await h.say(customer, text);
  const packet = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === SUPPORT && !c.args.thread_ts && JSON.stringify(c.args.blocks).includes(text));
  const id = /Copilot draft (E-[A-Z0-9]+)/.exec(JSON.stringify(packet.args.blocks))?.[1];
  if (!id) throw new Error('the packet is not a copilot draft');
  return { thread, packet, id, at: { channel: SUPPORT, ts: String(packet.response.ts) } };
}

const customerPosts = (thread: string) => h.postsIn(ACME_CHANNEL, thread).map((c) => String(c.args.text));
const latestPacket = (id: string) => JSON.stringify(h.fake.calls('chat.update').filter((c) => JSON.stringify(c.args.blocks).includes(id)).at(-1)?.args.blocks);
const buttonIds = (call: RecordedCall) => [...JSON.stringify(call.args.blocks).matchAll(/"action_id":"([^"]+)"/g)].map((m) => m[1]);

async function editAndSend(id: string, at: { channel: string; ts: string }, text: string) {
  await h.click(ana, ACTION.editDraft, id, at);
  const opened = await h.fake.waitFor('views.open', (c) => JSON.stringify(c.args.view).includes(VIEW.editDraft));
  expect(JSON.stringify(opened.args.view)).toContain(JSON.stringify(DRAFTED).slice(1, -1));
  const payload = viewSubmissionPayload({ user: ana, callbackId: VIEW.editDraft, privateMetadata: id, values: { [REPLY_FIELD]: { [REPLY_FIELD]: typedText(text) } } });
  expect((await sendInteraction(h.target, payload)).status).toBe(200);
}

describe('copilot mode', () => {
  it('puts the answer in the queue as a draft with its sources and says nothing to the customer; an autopilot account is answered', async () => {
    const { thread, packet } = await draftFor();
    const blocks = JSON.stringify(packet.args.blocks);
    expect(blocks).toContain(JSON.stringify(DRAFTED).slice(1, -1));
    expect(blocks).toContain('Inviting teammates');
    expect(blocks).toContain('Draft waiting for review');
    expect(buttonIds(packet)).toEqual([ACTION.sendDraft, ACTION.editDraft, ACTION.discardDraft]);
    await h.say(customer, 'It is for our new hire starting Monday', { threadTs: thread });
    await h.waitForPost(SUPPORT, String(packet.response.ts), (t) => t.includes('added: It is for our new hire'));
    await h.settle();
    expect(customerPosts(thread)).toEqual([]);

    const globex = await h.say(customer, QUESTION, { channel: GLOBEX_CHANNEL });
    expect(String((await h.waitForPost(GLOBEX_CHANNEL, globex)).args.text)).toContain('Members and press');
  });

  it('sends the draft as is, once, as the specialist from the vendor', async () => {
    const { thread, id, at } = await draftFor();
    await h.click(ana, ACTION.sendDraft, id, at);
    const sent = await h.waitForPost(ACME_CHANNEL, thread, (t) => t.startsWith('Ana from our team:'));
    expect(String(sent.args.text)).toContain(DRAFTED);
    await h.fake.waitFor('chat.update', (c) => JSON.stringify(c.args.blocks).includes('Sent as is'));
    await h.waitForPost(SUPPORT, at.ts, (t) => t.includes('Ana sent Baton'));

    await h.click(ben, ACTION.sendDraft, id, at);
    await h.fake.waitFor('chat.postEphemeral', (c) => c.args.user === ben.id && String(c.args.text).includes('already sent this draft'));
    await h.settle();
    expect(customerPosts(thread)).toHaveLength(1);
    expect(latestPacket(id)).not.toContain(ACTION.sendDraft);
  });

  it('sends exactly the edited text when a specialist edits the draft first', async () => {
    const { thread, id, at } = await draftFor();
    await editAndSend(id, at, 'Open Members in Settings and press Invite. I have raised your seat limit too.');
    await h.waitForPost(ACME_CHANNEL, thread, (t) => t === 'Ana from our team: Open Members in Settings and press Invite. I have raised your seat limit too.');
    await h.fake.waitFor('chat.update', (c) => JSON.stringify(c.args.blocks).includes('Edited and sent'));
    await h.settle();
    expect(customerPosts(thread).join('\n')).not.toContain('valid for 7 days');
  });

  it('sends nothing of a discarded draft, leaves the thread to people and keeps Reply to customer', async () => {
    const { thread, id, at } = await draftFor();
    await h.click(customer, ACTION.discardDraft, id, at);
    await h.fake.waitFor('chat.postEphemeral', (c) => c.args.user === customer.id && String(c.args.text).includes('support team'));
    await h.click(ana, ACTION.discardDraft, id, at);
    const update = await h.fake.waitFor('chat.update', (c) => JSON.stringify(c.args.blocks).includes('Discarded'));
    expect(buttonIds(update)).toEqual([ACTION.replyToCustomer]);
    await h.say(customer, 'Hello? Anyone?', { threadTs: thread });
    await h.settle();
    expect(customerPosts(thread)).toEqual([]);
    expect(h.fake.calls('chat.postMessage').filter((c) => c.args.channel === SUPPORT && !c.args.thread_ts)).toHaveLength(1);
  });

  it('reminds the queue of a draft nobody reviewed, at half the SLA and at breach, and tells the customer nothing', async () => {
    const { thread, at } = await draftFor();
    clock.advance(121 * MINUTE);
    await h.baton.sweep();
    expect(String((await h.waitForPost(SUPPORT, at.ts)).args.text)).toContain('nobody has reviewed it');
    clock.advance(120 * MINUTE);
    await h.baton.sweep();
    const breach = await h.waitForPost(SUPPORT, at.ts, (t) => t.includes('SLA breached'));
    expect(String(breach.args.text)).toContain(`<@${lead.id}>`);
    expect(String(breach.args.text)).toContain("Baton's draft is still not reviewed");
    await h.settle();
    expect(customerPosts(thread)).toEqual([]);
  });

  it('still escalates what must escalate, with the usual notice to the customer', async () => {
    const thread = await h.say(customer, 'We think someone accessed our workspace without permission, please check');
    const packet = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === SECURITY && !c.args.thread_ts);
    expect(JSON.stringify(packet.args.blocks)).toContain('Escalation E-');
    await h.waitForPost(ACME_CHANNEL, thread, (t) => t.includes('security specialist'));
  });

  it('counts offered, sent, edited and discarded drafts by category alike in /baton review (in AI accuracy) and /baton report', async () => {
    const sent = await draftFor();
    await h.click(ana, ACTION.sendDraft, sent.id, sent.at);
    await h.waitForPost(ACME_CHANNEL, sent.thread, (t) => t.startsWith('Ana from our team:'));
    const edited = await draftFor('Where do I invite people to join our team?');
    await editAndSend(edited.id, edited.at, 'Open Members in Settings.');
    await h.waitForPost(ACME_CHANNEL, edited.thread, (t) => t === 'Ana from our team: Open Members in Settings.');
    const discarded = await draftFor('how can I add a new colleague as a member?');
    await h.click(ana, ACTION.discardDraft, discarded.id, discarded.at);
    await h.fake.waitFor('chat.update', (c) => JSON.stringify(c.args.blocks).includes('Discarded'));
    await draftFor('How do I invite a teammate to our workspace?');
    const total = 'Copilot drafts*: 4 offered · 1 sent as is · 1 edited then sent · 1 discarded · 1 waiting · 67% accepted';

    await slash(h, lead, 'review');
    const dm = await dmOf(h, lead);
    const review = JSON.stringify((await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === dm)).args.blocks);
    expect(review).toContain(total);
    for (const label of ['Correct: *1*', 'Partially correct: *1*', 'Off-base: *1*']) expect(review).toContain(label);
    expect(review).toContain('*0 escalations* closed and tagged');

    await slash(h, lead, 'report');
    const report = JSON.stringify((await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === dm && JSON.stringify(c.args.blocks).includes('Baton report'))).args.blocks);
    const drafts = /Copilot drafts\*: [^"]*/.exec(report)?.[0] ?? '';
    expect(drafts).toContain(`${total} · prev. 0 drafts, – accepted`);
    // Each category's own line adds up to the total: here every question is one category.
    expect(drafts).toMatch(/\\n• \*[a-z_]+\*: 4 offered · 1 sent as is · 1 edited then sent · 1 discarded · 1 waiting · 67% accepted/);
    // Drafts are no escalations: the report counts none.
    expect(report).toContain('No escalations in this period.');
  });

  it('makes an edited draft a KB candidate a lead approves and a row of /baton export beside its draft; a discarded draft is neither', async () => {
    const EDIT = 'Open Members in Settings and press Invite; a guest needs the Guest role first.';
    const edited = await draftFor();
    await editAndSend(edited.id, edited.at, EDIT);
    await h.waitForPost(ACME_CHANNEL, edited.thread, (t) => t === `Ana from our team: ${EDIT}`);
    const discarded = await draftFor('how can I add a new colleague as a member?');
    await h.click(ana, ACTION.discardDraft, discarded.id, discarded.at);
    await h.fake.waitFor('chat.update', (c) => JSON.stringify(c.args.blocks).includes('Discarded'));

    await slash(h, lead, 'review');
    const dm = await dmOf(h, lead);
    const review = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === dm);
    const shown = JSON.stringify(review.args.blocks);
    expect(shown).toContain(`candidate:${edited.id}`);
    expect(shown).toContain('Guest role first');
    expect(shown).not.toContain(`candidate:${discarded.id}`);
    const message = { ts: String(review.response.ts), text: String(review.args.text), blocks: review.args.blocks as unknown[] };
    await sendInteraction(h.target, blockActionsPayload({ user: lead, channel: { id: dm }, message, action: { actionId: ACTION.approveCandidate, value: edited.id } }));
    await h.fake.waitFor('chat.postEphemeral', (c) => c.args.user === lead.id && String(c.args.text).includes('Approved'));

    await slash(h, lead, 'export 7d');
    const shared = await h.fake.waitFor('files.completeUploadExternal', (c) => c.args.channel_id === dm);
    expect(String(shared.args.initial_comment)).toBe('Training export: 1 edited copilot draft, personal data redacted.');
    const csv = uploadedFiles(h, dm).find((f) => f.name.endsWith('.csv'))!.bytes.toString('utf8');
    expect(csv.split('\r\n')[0]).toMatch(/,ai_accuracy,automation_potential,conversation,human_resolution,ai_draft$/);
    const row = csv.split('\r\n').find((l) => l.startsWith(`"${edited.id}"`)) ?? '';
    expect(row).toContain('"copilot","ai","","partially_correct",""');
    expect(row).toContain(`"${EDIT}","`);
    expect(row).toContain('Members and press ""Invite""');
    expect(csv).not.toContain(discarded.id);
  });
});
