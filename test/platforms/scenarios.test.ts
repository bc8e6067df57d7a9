import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { conversationKey, type ConversationRef } from '../../src/core/model/conversation-ref.js';
import { copyPattern } from './copy-pattern.js';
import { DRIVERS } from './drivers.js';
import type { PlatformDriver } from './platform-driver.js';

/**
 * The loop a customer and a vendor's people go through, the same on every platform, each over its real
 * HTTP path against its fake on loopback: answer, handoff, a claim race, a relayed reply, the close,
 * the survey, the consent gate and a restart.
 */
const WAIT = { timeout: 20_000, interval: 50 };


describe.each(Object.keys(DRIVERS))('on %s', (platform) => {
  let d: PlatformDriver;
  beforeEach(async () => {
    d = await DRIVERS[platform]!();
  });
  afterEach(async () => {
    await d.stop();
  });

  /** The customer asks for a person; resolves once the packet is in its queue. */
  async function handOff(): Promise<{ ref: ConversationRef; escalationId: string }> {
    const ref = await d.customerSays(d.handoff);
    const escalationId = await vi.waitFor(async () => {
      const id = (await d.core.conversations.get(conversationKey(ref)))?.escalationId;
      expect(id && (await d.core.escalations.get(id))?.packet).toBeTruthy();
      return id!;
    }, WAIT);
    await vi.waitFor(() => expect(d.queueSaw().filter((p) => p.includes(escalationId))).toHaveLength(1), WAIT);
    return { ref, escalationId };
  }

  const status = async (id: string) => (await d.core.escalations.get(id))?.status;
  const claimed = (saw: string[]) => saw.filter((t) => copyPattern(d.core.policy.copy.claimed).test(t));

  it('answers a question its knowledge covers, in the customer’s thread', async () => {
    const ref = await d.customerSays(d.answerable);
    await vi.waitFor(() => expect(d.customerSaw(ref).join('\n')).toMatch(/Settings/), WAIT);
    await d.settle();
    expect(d.customerSaw(ref)).toHaveLength(1);
  });

  it('hands off: the customer is told a specialist is coming, and the queue gets the packet once', async () => {
    const { ref } = await handOff();
    await vi.waitFor(() => expect(d.customerSaw(ref)).toHaveLength(1), WAIT);
    await d.settle();
    expect(d.customerSaw(ref)).toEqual([expect.stringMatching(copyPattern(d.core.policy.copy.handoff))]);
  });

  it('lets one of two racing claims win, and tells the customer once who has it', async () => {
    const { ref, escalationId } = await handOff();
    await Promise.all([d.staffClaims(escalationId), d.staffClaims(escalationId, true)]);
    await vi.waitFor(() => expect(claimed(d.customerSaw(ref))).toHaveLength(1), WAIT);
    await d.settle();
    expect(claimed(d.customerSaw(ref))).toHaveLength(1);
    expect(await status(escalationId)).toBe('claimed');
    expect(d.packetUpdates(escalationId)).toBeGreaterThanOrEqual(1);
  });

  it('relays a specialist’s reply to the customer once, and notes it in the packet’s thread', async () => {
    const { ref, escalationId } = await handOff();
    await d.staffReplies(escalationId, 'We re-sent the reset email; check quarantine too.');
    await vi.waitFor(() => expect(d.customerSaw(ref).filter((t) => t.endsWith('We re-sent the reset email; check quarantine too.'))).toHaveLength(1), WAIT);
    await vi.waitFor(() => expect(d.threadSaw(escalationId).join('\n')).toContain('replied to the customer'), WAIT);
    await d.settle();
    expect(d.customerSaw(ref).filter((t) => t.includes('re-sent the reset email'))).toHaveLength(1);
    expect(await status(escalationId)).toBe('claimed');
  });

  it('closes: the customer is told it is resolved, the packet shows it, and the thread is Baton’s again', async () => {
    const { ref, escalationId } = await handOff();
    await d.staffClaims(escalationId);
    await d.staffCloses(escalationId);
    const resolved = d.core.policy.copy.resolved;
    await vi.waitFor(() => expect(d.customerSaw(ref)).toContain(resolved), WAIT);
    await d.settle();
    expect(d.customerSaw(ref).filter((t) => t === resolved)).toHaveLength(1);
    expect(await status(escalationId)).toBe('resolved');
    expect((await d.core.conversations.get(conversationKey(ref)))?.mode).toBe('bot');
  });

  it('asks for a rating after the close and takes the customer’s one rating', async () => {
    const { ref, escalationId } = await handOff();
    await d.staffCloses(escalationId);
    await d.customerRates(ref, 4);
    await vi.waitFor(async () => expect((await d.core.loop.csat.get(conversationKey(ref)))?.rating).toBe(4), WAIT);
  });

  it('says nothing in a channel no account maps and no lead approved', async () => {
    await d.strangerSays(d.answerable);
    await d.settle();
    expect(d.strangerSaw()).toEqual([]);
  });

  it('keeps an escalation across a restart: claimed, answered and closed after it, each message once', async () => {
    const { ref, escalationId } = await handOff();
    await d.settle();
    await d.restart();
    await d.staffClaims(escalationId);
    await d.staffReplies(escalationId, 'Found it: your domain blocks our mail.');
    await d.staffCloses(escalationId);
    const resolved = d.core.policy.copy.resolved;
    await vi.waitFor(() => expect(d.customerSaw(ref)).toContain(resolved), WAIT);
    await d.settle();
    const saw = d.customerSaw(ref);
    expect(saw.filter((t) => t.endsWith('Found it: your domain blocks our mail.'))).toHaveLength(1);
    expect(saw.filter((t) => t === resolved)).toHaveLength(1);
    expect(d.queueSaw().filter((p) => p.includes(escalationId))).toHaveLength(1);
  });
});
