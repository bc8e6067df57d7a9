import { beforeEach, describe, expect, it } from 'vitest';
import { blockActionsPayload, sendInteraction } from '../../fakes/slack-request.js';
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

describe('KB candidates', () => {
  it('lets a lead approve a closed resolution for its own customer, without personal data or secrets, and never for another', async () => {
    const escalationId = await escalateUnknownQuestion();
    await closeWithTags(h, escalationId, { rootCause: 'missing_docs', accuracy: 'off_base', automation: 'yes', note: RESOLUTION });
    await slash(h, lead, 'review');
    const dm = await dmOf(h, lead);
    const review = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === dm);
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
});
