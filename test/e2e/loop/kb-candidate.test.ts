import { beforeEach, describe, expect, it } from 'vitest';
import { SHARE_FIELD, VIEW } from '../../../src/core/model/actions.js';
import { blockActionsPayload, sendInteraction, typedText, viewSubmissionPayload } from '../../fakes/slack-request.js';
import { GLOBEX_CHANNEL, type Harness } from '../harness.js';
import { ACME_CHANNEL, ana, closeWithTags, customer, dmOf, lead, otherCustomer, slash, useLoopWorld } from './loop-world.js';

const world = useLoopWorld();
let h: Harness;
beforeEach(() => {
  ({ h } = world());
});

const QUESTION = 'How do I rotate the webhook signing secret for our workspace? Reply to casey@acme.example please.';
const SIGNING_SECRET = 'whsec_5f2b7c9d8e1a4b3c6d0e9f8a7b6c5d4e';
const RESOLUTION = `For Acme Corp (casey@acme.example): open Settings > Webhooks, press Rotate secret, then put the new secret (yours is ${SIGNING_SECRET}) in your receiver within 24 hours.`;

async function escalateUnknownQuestion(): Promise<string> {
  const thread = await h.say(customer, QUESTION);
  const packet = await h.fake.waitFor('chat.postMessage', (c) => String(c.args.channel).startsWith('C0') && c.args.channel !== ACME_CHANNEL && !c.args.thread_ts);
  const id = /Escalation (E-[A-Z0-9]+)/.exec(JSON.stringify(packet.args.blocks))?.[1];
  expect(id, `"${QUESTION}" should escalate: the KB has nothing on it (thread ${thread})`).toBeDefined();
  return id!;
}

/** Asks in a new thread of `channel` and returns what Baton posted back. */
async function ask(who: typeof customer, text: string, channel: string): Promise<string> {
  return (await askForPost(who, text, channel)).text;
}

/** Asks in a new thread of `channel` and returns Baton's reply: its text and its blocks as JSON. */
async function askForPost(who: typeof customer, text: string, channel: string): Promise<{ text: string; blocks: string }> {
  const thread = await h.say(who, text, { channel });
  const post = await h.waitForPost(channel, thread);
  return { text: String(post.args.text), blocks: JSON.stringify(post.args.blocks ?? []) };
}

/** An escalation closed as a KB candidate, and the lead's weekly review that lists it. */
async function candidateInReview() {
  const escalationId = await escalateUnknownQuestion();
  await closeWithTags(h, escalationId, { rootCause: 'missing_docs', accuracy: 'off_base', automation: 'yes', note: RESOLUTION });
  await slash(h, lead, 'review');
  const dm = await dmOf(h, lead);
  const review = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === dm);
  return { escalationId, dm, review };
}

describe('KB candidates', () => {
  it('lets a lead approve a closed resolution for its own customer, without personal data or secrets, and never for another', async () => {
    const { escalationId, dm, review } = await candidateInReview();
    const shown = JSON.stringify(review.args.blocks);
    expect(shown).toContain('Rotate secret');
    for (const leaked of ['casey@acme.example', SIGNING_SECRET]) expect(shown).not.toContain(leaked);
    const buttons = (review.args.blocks as { elements?: { confirm?: { text: { text: string } } }[] }[]).flatMap((b) => b.elements ?? []);
    const confirm = buttons.find((e) => e.confirm)?.confirm?.text.text;
    expect(confirm).toContain('Acme Corp');
    expect(confirm).not.toMatch(/every customer/i);
    const at = { channel: dm, ts: String(review.response.ts) };

    expect(await ask(otherCustomer, 'how can we rotate our webhook signing secret?', GLOBEX_CHANNEL)).not.toContain('Rotate secret');

    await h.click(ana, 'baton.approve_candidate', escalationId, at);
    const refused = await h.fake.waitFor('chat.postEphemeral', (c) => c.args.user === ana.id);
    expect(String(refused.args.text)).toContain('Only the support leads');

    // As Slack sends it, the click carries the review message itself, blocks and all.
    const message = { ts: at.ts, text: String(review.args.text), blocks: review.args.blocks as unknown[] };
    await sendInteraction(h.target, blockActionsPayload({ user: lead, channel: { id: dm }, message, action: { actionId: 'baton.approve_candidate', value: escalationId } }));
    const approved = await h.fake.waitFor('chat.postEphemeral', (c) => c.args.user === lead.id);
    expect(String(approved.args.text)).toContain('Approved');
    // The review message itself now says who approved it, and offers no Approve button to press again.
    const updated = JSON.stringify((await h.fake.waitFor('chat.update', (c) => c.args.channel === dm && c.args.ts === at.ts)).args.blocks);
    expect(updated).toContain(`Approved by <@${lead.id}>`);
    expect(updated).not.toContain('Approve for the KB');
    expect(updated).toContain('Rotate secret');

    const forAcme = await askForPost(customer, 'how do we rotate the webhook signing secret?', ACME_CHANNEL);
    expect(forAcme.text).toContain('Rotate secret');
    for (const leaked of ['casey@acme.example', SIGNING_SECRET]) expect(forAcme.text).not.toContain(leaked);
    // The answer is credited to the team, never to an internal escalation id.
    expect(forAcme.blocks).toContain('Source: From our support team');
    expect(forAcme.blocks).not.toContain(escalationId);

    const forGlobex = await ask(otherCustomer, 'how do we rotate the webhook signing secret?', GLOBEX_CHANNEL);
    for (const leaked of ['Rotate secret', 'Acme Corp', 'casey@acme.example', SIGNING_SECRET]) expect(forGlobex).not.toContain(leaked);
  });

  it('lets a lead edit a resolution and share it with every customer, still without anyone\u2019s personal data', async () => {
    const { escalationId, dm, review } = await candidateInReview();
    expect(JSON.stringify(review.args.blocks)).toContain('Edit and share with everyone');
    const at = { channel: dm, ts: String(review.response.ts) };

    await h.click(ana, 'baton.share_candidate', escalationId, at);
    expect(String((await h.fake.waitFor('chat.postEphemeral', (c) => c.args.user === ana.id)).args.text)).toContain('Only the support leads');

    await h.click(lead, 'baton.share_candidate', escalationId, at);
    const modal = (await h.fake.waitFor('views.open', () => true)).args.view as { callback_id: string; blocks: unknown[] };
    expect(modal.callback_id).toBe(VIEW.shareCandidate);
    const prefilled = JSON.stringify(modal.blocks);
    expect(prefilled).toContain('Rotate secret');
    for (const leaked of ['casey@acme.example', SIGNING_SECRET]) expect(prefilled).not.toContain(leaked);

    // The lead's edit takes the account out, and slips in a colleague's address, which redaction still catches.
    const edited = 'Open Settings > Webhooks, press Rotate secret, then put the new secret in your receiver within 24 hours. Stuck? Ask dana@acme.example.';
    const submit = viewSubmissionPayload({ user: lead, callbackId: VIEW.shareCandidate, privateMetadata: escalationId, values: { [SHARE_FIELD.answer]: { [SHARE_FIELD.answer]: typedText(edited) } } });
    expect((await sendInteraction(h.target, submit)).status).toBe(200);
    await h.fake.waitFor('chat.postMessage', (c) => String(c.args.text).startsWith('Shared with every customer'));

    const forGlobex = await ask(otherCustomer, 'how do we rotate the webhook signing secret?', GLOBEX_CHANNEL);
    expect(forGlobex).toContain('Rotate secret');
    for (const leaked of ['Acme Corp', 'casey@acme.example', 'dana@acme.example', SIGNING_SECRET]) expect(forGlobex).not.toContain(leaked);

    await slash(h, lead, 'review');
    const again = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === dm && JSON.stringify(c.args.blocks ?? []).includes('Shared with every customer'));
    expect(JSON.stringify(again.args.blocks)).not.toContain('Edit and share with everyone');
  });
});
