import { beforeEach, describe, expect, it } from 'vitest';
import type { RecordedCall } from '../../fakes/fake-slack-api.js';
import type { Harness } from '../harness.js';
import { ACME_CHANNEL, ana, closeWithTags, customer, escalateSecurity, type ManualClock, MINUTE, otherCustomer, useLoopWorld } from './loop-world.js';

const world = useLoopWorld();
let h: Harness;
let clock: ManualClock;
beforeEach(() => {
  ({ h, clock } = world());
});

const isPrompt = (c: RecordedCall) => c.args.channel === ACME_CHANNEL && JSON.stringify(c.args.blocks ?? []).includes('baton.csat.5');
const buttonLabels = (c: RecordedCall) => JSON.stringify(c.args.blocks).match(/"text":"(\d · \w+)"/g);

describe('CSAT after a specialist closes', () => {
  it('asks the customer in the thread with one-click buttons and takes one rating, from the customer only', async () => {
    const { thread, escalationId } = await escalateSecurity(h);
    await closeWithTags(h, escalationId, { rootCause: 'other', accuracy: 'correct', automation: 'no' });
    const prompt = await h.fake.waitFor('chat.postMessage', isPrompt);
    expect(prompt.args.thread_ts).toBe(thread);
    // A person cannot click in the millisecond between the post and Baton recording the ask.
    await h.waitForLog('CSAT asked');
    expect(buttonLabels(prompt)).toHaveLength(5);
    const key = `slack:${ACME_CHANNEL}:${thread}`;
    const at = { channel: ACME_CHANNEL, ts: String(prompt.response.ts), threadTs: thread };

    await h.click(otherCustomer, 'baton.csat.1', key, at);
    const refused = await h.fake.waitFor('chat.postEphemeral', (c) => c.args.user === otherCustomer.id);
    expect(String(refused.args.text)).toContain('only the customer who asked');
    await h.click(ana, 'baton.csat.5', key, at);
    await h.fake.waitFor('chat.postEphemeral', (c) => c.args.user === ana.id);

    await h.click(customer, 'baton.csat.4', key, at);
    const thanks = await h.fake.waitFor('chat.update', (c) => c.args.ts === prompt.response.ts);
    expect(String(thanks.args.text)).toContain('Thanks for the rating');
    expect(JSON.stringify(thanks.args.blocks)).not.toContain('baton.csat');
    await h.click(customer, 'baton.csat.1', key, at);
    const again = await h.fake.waitFor('chat.postEphemeral', (c) => c.args.user === customer.id);
    expect(String(again.args.text)).toContain('rated already');
    expect(await h.baton.stores.csat.get(key)).toMatchObject({ rating: 4, ratedBy: customer.id, subject: 'escalation' });
  });
});

describe('CSAT after Baton resolved', () => {
  it('asks once the customer has been quiet after an answer, and only once', async () => {
    const thread = await h.say(customer, 'How do I invite a teammate to our workspace?');
    await h.waitForPost(ACME_CHANNEL, thread, (t) => t.includes('Settings &gt; Members'));
    await h.settle(); // the answer is recorded after it is posted; the clock moves only then
    clock.advance(30 * MINUTE);
    await h.baton.sweep();
    await h.settle();
    expect(h.fake.calls('chat.postMessage').filter(isPrompt)).toHaveLength(0);
    clock.advance(31 * MINUTE);
    await h.baton.sweep();
    await h.baton.sweep();
    await h.settle(); // the prompt is recorded by the sweep, then delivered by the outbox
    const prompts = h.fake.calls('chat.postMessage').filter(isPrompt);
    expect(prompts).toHaveLength(1);
    expect(prompts[0]!.args.thread_ts).toBe(thread);
  });

  it('does not ask the same customer again within the cooldown, in another thread', async () => {
    for (const question of ['How do I invite a teammate to our workspace?', 'How can I export a report to CSV?']) {
      const thread = await h.say(customer, question);
      await h.waitForPost(ACME_CHANNEL, thread);
      await h.settle();
      clock.advance(61 * MINUTE);
      await h.baton.sweep();
      await h.settle();
    }
    expect(h.fake.calls('chat.postMessage').filter(isPrompt)).toHaveLength(1);
  });
});
