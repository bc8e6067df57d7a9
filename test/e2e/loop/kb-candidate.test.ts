import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from '../harness.js';
import { ACME_CHANNEL, ana, closeWithTags, customer, dmOf, lead, otherCustomer, slash, startLoopWorld } from './loop-world.js';

let h: Harness;
beforeEach(async () => {
  ({ h } = await startLoopWorld());
});
afterEach(async () => {
  expect(h.fake.violations()).toEqual([]);
  await h.stop();
});

const QUESTION = 'How do I rotate the webhook signing secret for our workspace?';
const RESOLUTION = 'Open Settings > Webhooks, press Rotate secret, then update the secret in your receiver within 24 hours.';

async function escalateUnknownQuestion(): Promise<string> {
  const thread = await h.say(customer, QUESTION);
  const packet = await h.fake.waitFor('chat.postMessage', (c) => String(c.args.channel).startsWith('C0') && c.args.channel !== ACME_CHANNEL && !c.args.thread_ts);
  const id = /Escalation (E-[A-Z0-9]+)/.exec(JSON.stringify(packet.args.blocks))?.[1];
  expect(id, `"${QUESTION}" should escalate: the KB has nothing on it (thread ${thread})`).toBeDefined();
  return id!;
}

describe('KB candidates', () => {
  it('lets a lead approve a closed resolution from the review, and Baton answers the next similar question with it', async () => {
    const escalationId = await escalateUnknownQuestion();
    await closeWithTags(h, escalationId, { rootCause: 'missing_docs', accuracy: 'off_base', automation: 'yes', note: RESOLUTION });
    await slash(h, lead, 'review');
    const dm = await dmOf(h, lead);
    const review = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === dm);
    expect(JSON.stringify(review.args.blocks)).toContain('Rotate secret');
    const at = { channel: dm, ts: String(review.response.ts) };

    const before = await h.say(otherCustomer, 'how can we rotate our webhook signing secret?', { channel: 'C0GLOBEX01' });
    expect(String((await h.waitForPost('C0GLOBEX01', before)).args.text)).not.toContain('Rotate secret');

    await h.click(ana, 'baton.approve_candidate', escalationId, at);
    const refused = await h.fake.waitFor('chat.postEphemeral', (c) => c.args.user === ana.id);
    expect(String(refused.args.text)).toContain('Only the support leads');

    await h.click(lead, 'baton.approve_candidate', escalationId, at);
    const approved = await h.fake.waitFor('chat.postEphemeral', (c) => c.args.user === lead.id);
    expect(String(approved.args.text)).toContain('Approved');

    const next = await h.say(otherCustomer, 'how do we rotate the webhook signing secret?', { channel: 'C0GLOBEX01' });
    const answer = await h.waitForPost('C0GLOBEX01', next);
    expect(String(answer.args.text)).toContain('Rotate secret');
  });
});
