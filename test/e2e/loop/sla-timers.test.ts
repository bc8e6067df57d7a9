import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from '../harness.js';
import { escalateSecurity, lead, ManualClock, MINUTE, SECURITY, startLoopWorld } from './loop-world.js';

let h: Harness;
let clock: ManualClock;
beforeEach(async () => {
  ({ h, clock } = await startLoopWorld());
});
afterEach(async () => {
  expect(h.fake.violations()).toEqual([]);
  await h.stop();
});

const threadPosts = (packetTs: string) => h.fake.calls('chat.postMessage').filter((c) => c.args.channel === SECURITY && c.args.thread_ts === packetTs);

describe('the SLA as a timer', () => {
  it('nudges the specialist thread at half the SLA, once, and mentions the queue lead at breach', async () => {
    const { packet, escalationId } = await escalateSecurity(h);
    const packetTs = String(packet.response.ts);

    clock.advance(20 * MINUTE);
    await h.baton.sweep();
    expect(threadPosts(packetTs)).toHaveLength(0);

    clock.advance(11 * MINUTE);
    await h.baton.sweep();
    await h.baton.sweep();
    const nudges = threadPosts(packetTs);
    expect(nudges).toHaveLength(1);
    expect(String(nudges[0]!.args.text)).toContain('Half of this escalation');
    expect(String(nudges[0]!.args.text)).not.toContain(`<@${lead.id}>`);

    clock.advance(30 * MINUTE);
    await h.baton.sweep();
    const breach = threadPosts(packetTs).at(-1)!;
    expect(String(breach.args.text)).toContain(`<@${lead.id}>`);
    expect(String(breach.args.text)).toContain('SLA breached');
    const stored = await h.baton.core.escalations.get(escalationId);
    expect(stored?.history.map((e) => e.type)).toEqual(['opened', 'nudged', 'breached']);
  });
});
