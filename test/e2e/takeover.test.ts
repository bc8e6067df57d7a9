import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ACTION } from '../../src/core/model/actions.js';
import { ACME_CHANNEL, ana, customer, type Harness, useHarness } from './harness.js';

const harness = useHarness();
let h: Harness;
beforeEach(() => {
  h = harness();
});

/** A Slack ts `minutes` from now: Baton orders a thread's turns by when they were written. */
const tsIn = (minutes: number) => `${Math.floor(Date.now() / 1000 + minutes * 60)}.000100`;
const answers = (thread: string) => h.postsIn(ACME_CHANNEL, thread).filter((c) => JSON.stringify(c.args.blocks ?? '').includes(ACTION.talkToHuman));

describe('when a person has the thread', () => {
  it('Baton answers there again once staff have been quiet for a while (4 hours by default)', async () => {
    const thread = await h.say(customer, 'How do I invite a teammate?');
    await h.waitForPost(ACME_CHANNEL, thread);
    await h.say(ana, 'Let me check that for you.', { threadTs: thread });
    await h.say(customer, 'How can I export a report to CSV?', { threadTs: thread, ts: tsIn(30) });
    await h.settle();
    expect(answers(thread)).toHaveLength(1);
    await h.say(customer, 'Also, is there a way to download a report as a spreadsheet?', { threadTs: thread, ts: tsIn(300) });
    await h.waitForPost(ACME_CHANNEL, thread, (t) => t.includes('Export'));
    expect(answers(thread)).toHaveLength(2);
  });

  it('an explicit request for a person still opens an escalation', async () => {
    const thread = await h.say(customer, 'How do I invite a teammate?');
    await h.waitForPost(ACME_CHANNEL, thread);
    await h.say(ana, 'Looking into it.', { threadTs: thread });
    await h.say(customer, 'Can I talk to a real person about our contract please?', { threadTs: thread });
    const packet = await h.fake.waitFor('chat.postMessage', (c) => String(c.args.text).startsWith('Escalation '));
    expect(JSON.stringify(packet.args.blocks)).toContain('our contract');
  });

  it('a thread started by staff stays with people', async () => {
    const thread = await h.say(ana, 'Heads up: we are upgrading the SSO service tonight at 22:00 UTC.');
    await h.say(customer, 'How do I invite a teammate?', { threadTs: thread });
    await h.settle();
    expect(h.postsIn(ACME_CHANNEL, thread)).toHaveLength(0);
    const seen = await h.baton.core.conversations.get(`slack:${ACME_CHANNEL}:${thread}`);
    expect(seen).toMatchObject({ mode: 'human', turns: [{ role: 'staff' }, { role: 'customer' }] });
  });
});

describe('delivery failures never leave a customer in silence', () => {
  it('an answer whose post fails is retried and reaches the customer once', async () => {
    h.fake.failNext('chat.postMessage', { status: 500 });
    const thread = await h.say(customer, 'How do I invite a teammate?');
    const answer = await h.waitForPost(ACME_CHANNEL, thread);
    expect(String(answer.args.text)).toContain('Settings &gt; Members');
    const key = `slack:${ACME_CHANNEL}:${thread}`;
    await vi.waitFor(async () => expect((await h.baton.core.conversations.get(key))?.outbox).toEqual([]), { timeout: 8000 });
    expect(h.postsIn(ACME_CHANNEL, thread)).toHaveLength(1);
  });

  it('an answer posted but never confirmed (the connection dropped) is found by its metadata, not posted again', async () => {
    h.fake.failNext('chat.postMessage', { disconnect: 'after' });
    const thread = await h.say(customer, 'How do I invite a teammate?');
    await h.fake.waitFor('conversations.replies', (c) => c.args.ts === thread);
    const key = `slack:${ACME_CHANNEL}:${thread}`;
    await vi.waitFor(async () => expect((await h.baton.core.conversations.get(key))?.outbox).toEqual([]), { timeout: 8000 });
    expect(h.fake.calls('chat.postMessage').filter((c) => c.args.channel === ACME_CHANNEL && c.args.thread_ts === thread)).toHaveLength(1);
  });

  it('a customer follow-up mirrored into the packet thread whose post dropped is found by its metadata, not posted twice', async () => {
    const thread = await h.say(customer, 'I want to talk to a person please');
    const packet = await h.fake.waitFor('chat.postMessage', (c) => c.response.ok && String(c.args.text).startsWith('Escalation '));
    await h.waitForPost(ACME_CHANNEL, thread);
    await h.settle();
    h.fake.failNext('chat.postMessage', { disconnect: 'after' });
    await h.say(customer, 'Also, it is for 40 people', { threadTs: thread });
    await h.fake.waitFor('conversations.replies', (c) => c.args.channel === packet.args.channel && c.args.ts === packet.response.ts);
    const key = `slack:${ACME_CHANNEL}:${thread}`;
    await vi.waitFor(async () => expect((await h.baton.core.conversations.get(key))?.outbox).toEqual([]), { timeout: 8000 });
    const mirrored = h.fake.calls('chat.postMessage').filter((c) => c.args.thread_ts === packet.response.ts && String(c.args.text).includes('it is for 40 people'));
    expect(mirrored).toHaveLength(1);
  });

  it('a packet the routed channel refuses goes to the default queue\u2019s channel', async () => {
    h.fake.failNext('chat.postMessage', { error: 'channel_not_found' });
    await h.say(customer, 'We think someone accessed our workspace without permission, please check');
    const packet = await h.fake.waitFor('chat.postMessage', (c) => c.response.ok && String(c.args.text).startsWith('Escalation '));
    expect(packet.args.channel).toBe('C0SUPPORT1');
    expect(h.fake.calls('chat.postMessage').filter((c) => c.args.channel === 'C0SECURE01' && !c.response.ok)).toHaveLength(1);
  });
});

describe('a specialist answering in the customer thread', () => {
  it('takes the escalation: the packet shows who, and no "unclaimed" reminder follows', async () => {
    const thread = await h.say(customer, 'Please delete all personal data you hold about one of our former employees');
    const packet = await h.fake.waitFor('chat.postMessage', (c) => String(c.args.text).startsWith('Escalation '));
    await h.waitForPost(ACME_CHANNEL, thread);
    await h.say(ana, 'Hi Casey, I can help with that. Which user is it?', { threadTs: thread });
    const update = await h.fake.waitFor('chat.update', (c) => c.args.ts === packet.response.ts);
    expect(JSON.stringify(update.args.blocks)).toContain('Claimed* by Ana');
    const conversation = await h.baton.core.conversations.get(`slack:${ACME_CHANNEL}:${thread}`);
    expect((await h.baton.core.escalations.get(conversation!.escalationId!))?.claimedBy?.id).toBe(ana.id);
    expect(h.postsIn(ACME_CHANNEL, thread).filter((c) => String(c.args.text).includes('is on it'))).toHaveLength(0);
  });
});
