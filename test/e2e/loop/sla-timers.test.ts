import { beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from '../harness.js';
import { ACME_CHANNEL, customer, escalateSecurity, lead, type ManualClock, MINUTE, SECURITY, useLoopWorld } from './loop-world.js';

const world = useLoopWorld();
let h: Harness;
let clock: ManualClock;
beforeEach(() => {
  ({ h, clock } = world());
});

const threadPosts = (packetTs: string, channel = SECURITY) => h.fake.calls('chat.postMessage').filter((c) => c.args.channel === channel && c.args.thread_ts === packetTs && c.response.ok);
const SUPPORT = 'C0SUPPORT1';
const historyOf = async (id: string) => (await h.baton.core.escalations.get(id))?.history.map((e) => e.type);

describe('the SLA as a timer', () => {
  it('nudges the specialist thread at half the SLA, once, and mentions the queue lead at breach', async () => {
    const { packet, escalationId } = await escalateSecurity(h);
    const packetTs = String(packet.response.ts);

    clock.advance(20 * MINUTE);
    await h.baton.sweep();
    await h.settle();
    expect(threadPosts(packetTs)).toHaveLength(0);

    clock.advance(11 * MINUTE);
    await h.baton.sweep();
    await h.settle();
    await h.baton.sweep();
    await h.settle();
    const nudges = threadPosts(packetTs);
    expect(nudges).toHaveLength(1);
    expect(String(nudges[0]!.args.text)).toContain('Half the time promised to the customer');
    expect(String(nudges[0]!.args.text)).not.toContain(`<@${lead.id}>`);

    clock.advance(30 * MINUTE);
    await h.baton.sweep();
    await h.settle();
    const breach = threadPosts(packetTs).at(-1)!;
    expect(String(breach.args.text)).toContain(`<@${lead.id}>`);
    expect(String(breach.args.text)).toContain('SLA breached');
    expect(String(breach.args.text)).toContain('within 1 hour and');
    const stored = await h.baton.core.escalations.get(escalationId);
    expect(stored?.history.map((e) => e.type)).toEqual(['opened', 'nudged', 'breached']);
  });

  it('posts a packet that never went out when a reminder falls due, and reminds in it', async () => {
    // The support queue is also the default one: there is no other channel the packet could fall back to.
    // Refused for as long as the test says, however often the delivery runner retries it meanwhile.
    const accept = h.fake.failWhile('chat.postMessage', (a) => a.channel === SUPPORT && !a.thread_ts, { error: 'channel_not_found' });
    const thread = await h.say(customer, 'Can I talk to a human please?');
    await h.waitForPost(ACME_CHANNEL, thread);
    const refused = h.fake.calls('chat.postMessage').find((c) => c.args.channel === SUPPORT && !c.response.ok);
    const escalationId = /Escalation (E-[A-Z0-9]+)/.exec(JSON.stringify(refused?.args.blocks))?.[1];
    expect(escalationId, 'the packet post was refused').toBeDefined();

    clock.advance(121 * MINUTE);
    await h.baton.sweep();
    await h.settle();
    expect(h.fake.calls('chat.postMessage').filter((c) => c.args.channel === SUPPORT && c.response.ok)).toHaveLength(0);
    expect(await historyOf(escalationId!)).not.toContain('nudged');

    accept();
    await h.baton.sweep();
    await h.settle();
    await h.baton.sweep();
    await h.settle();
    const packets = h.fake.calls('chat.postMessage').filter((c) => c.args.channel === SUPPORT && !c.args.thread_ts && c.response.ok);
    expect(packets).toHaveLength(1);
    expect(JSON.stringify(packets[0]!.args.blocks)).toContain(escalationId!);
    const nudges = threadPosts(String(packets[0]!.response.ts), SUPPORT);
    expect(nudges.map((c) => String(c.args.text))).toEqual([expect.stringContaining('Half the time promised to the customer')]);
    expect(await historyOf(escalationId!)).toEqual(['opened', 'nudged']);
  });

  it('retries a reminder Slack refused until it lands, once', async () => {
    const { thread, packet, escalationId } = await escalateSecurity(h);
    await h.waitForPost(ACME_CHANNEL, thread);
    const packetTs = String(packet.response.ts);
    clock.advance(31 * MINUTE);
    h.fake.failNext('chat.postMessage', { error: 'channel_not_found' });
    await h.baton.sweep();
    await h.settle();
    await h.waitForPost(SECURITY, packetTs);
    await h.baton.sweep();
    await h.settle();
    expect(threadPosts(packetTs).map((c) => String(c.args.text))).toEqual([expect.stringContaining('Half the time promised to the customer')]);
    expect(await historyOf(escalationId)).toEqual(['opened', 'nudged']);
  });
});
