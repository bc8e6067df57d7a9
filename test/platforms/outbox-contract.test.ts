import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Conversation } from '../../src/core/conversation/conversation.js';
import { recordDeliveries } from '../../src/core/delivery/record-deliveries.js';
import { releaseEscalation } from '../../src/core/escalation/specialist-actions.js';
import { channelName, conversationKey, type ConversationRef } from '../../src/core/model/conversation-ref.js';
import type { DeliveryTag } from '../../src/core/ports/chat-gateway.js';
import { copyPattern } from './copy-pattern.js';
import { DRIVERS } from './drivers.js';
import type { PlatformDriver } from './platform-driver.js';

/**
 * The outbox's contract, held by every gateway over its platform's real HTTP path: every message Baton
 * sends is recorded first and sent under its delivery id; a send the platform refuses for now is retried
 * and lands once; a send whose record was lost is looked for before it goes again, where the platform
 * can find a message by its delivery id.
 */
const WAIT = { timeout: 25_000, interval: 50 };
const POSTS = ['replyToCustomer', 'postPacket', 'postInternal', 'postAlert'] as const;

describe.each(Object.keys(DRIVERS))('the outbox on %s', (platform) => {
  let d: PlatformDriver;
  /** Every delivery id a conversation write recorded, and every id a gateway post went out under. */
  let recorded: Set<string>;
  let sentUnder: string[];
  /** Set by a test: this many puts that follow a send the platform accepted fail, as a store would right after the post. */
  let failAfterSend = 0;

  beforeEach(async () => {
    d = await DRIVERS[platform]!();
    recorded = new Set();
    sentUnder = [];
    failAfterSend = 0;
    watch();
  });
  afterEach(async () => {
    await d.stop();
  });

  function watch(): void {
    const store = d.core.conversations;
    const put = store.put.bind(store);
    let seen = d.accepted();
    store.put = async (c: Conversation) => {
      for (const o of c.outbox ?? []) recorded.add(o.id);
      if (failAfterSend > 0 && d.accepted() > seen) {
        seen = d.accepted();
        failAfterSend--;
        throw Object.assign(new Error('store unavailable right after the post'), { code: 'ECONNRESET' });
      }
      return put(c);
    };
    const gateway = d.core.gateway as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    for (const name of POSTS) {
      const post = gateway[name]!.bind(gateway);
      gateway[name] = (...args: unknown[]) => {
        sentUnder.push((args[2] as DeliveryTag).id);
        return post(...args);
      };
    }
  }

  async function escalated(): Promise<{ ref: ConversationRef; escalationId: string }> {
    const ref = await d.customerSays(d.handoff);
    const escalationId = await vi.waitFor(async () => {
      const id = (await d.core.conversations.get(conversationKey(ref)))?.escalationId;
      expect(id && (await d.core.escalations.get(id))?.packet).toBeTruthy();
      return id!;
    }, WAIT);
    return { ref, escalationId };
  }

  const owed = async (ref: ConversationRef) => (await d.core.conversations.get(conversationKey(ref)))?.outbox ?? [];

  it('records every kind of message before it is sent: answer, notices, packet, claim and release, relay, update, follow-up, alert', async () => {
    const answered = await d.customerSays(d.answerable);
    const { ref, escalationId } = await escalated();
    await d.staffClaims(escalationId);
    await releaseEscalation(d.core, escalationId, { id: 'staff-1', name: 'Ana', isExternal: false });
    await d.staffReplies(escalationId, 'Checking your mail logs now.');
    await d.customerSays('It still fails after the reset.', ref);
    await vi.waitFor(() => expect(d.threadSaw(escalationId).join('\n')).toContain('It still fails after the reset.'), WAIT);
    const escalation = await d.core.escalations.get(escalationId);
    const queue = channelName(escalation!.packet!);
    await recordDeliveries(d.core, ref, [{ id: `alert:${escalationId}`, kind: 'alert', channel: queue, text: `Contract alert for ${escalationId}`, createdAt: d.core.clock.now() }]);
    await d.staffCloses(escalationId);

    const resolved = d.core.policy.copy.resolved;
    await vi.waitFor(() => expect(d.customerSaw(ref)).toContain(resolved), WAIT);
    await d.settle();
    expect(await owed(ref)).toEqual([]);
    expect(await owed(answered)).toEqual([]);

    const saw = d.customerSaw(ref);
    expect(saw.filter((t) => copyPattern(d.core.policy.copy.claimed).test(t))).toHaveLength(1);
    expect(saw.filter((t) => t.endsWith('Checking your mail logs now.'))).toHaveLength(1);
    expect(saw.filter((t) => t === resolved)).toHaveLength(1);
    expect(d.customerSaw(answered).join('\n')).toMatch(/Settings/);
    expect(d.threadSaw(escalationId).filter((t) => t.includes('It still fails after the reset.'))).toHaveLength(1);
    expect(d.threadSaw(escalationId).filter((t) => t.includes('replied to the customer'))).toHaveLength(1);
    expect(d.queueSaw().filter((t) => t.includes(`Contract alert for ${escalationId}`))).toHaveLength(1);
    expect(d.packetUpdates(escalationId)).toBeGreaterThanOrEqual(1);
    // Every post went out under a delivery recorded first; every kind was recorded, packet updates included.
    expect(sentUnder.filter((id) => !recorded.has(id))).toEqual([]);
    expect([...recorded].some((id) => id.includes(':update:'))).toBe(true);
    expect(sentUnder.length).toBeGreaterThanOrEqual(8);
  }, 90_000);

  it('retries a send the platform refuses for now (429, then 503) and lands it once', async () => {
    d.failNextSends(429, 503);
    const ref = await d.customerSays(d.answerable);
    await vi.waitFor(() => expect(d.customerSaw(ref).join('\n')).toMatch(/Settings/), WAIT);
    await d.settle();
    expect(d.customerSaw(ref)).toHaveLength(1);
    expect(await owed(ref)).toEqual([]);
  });

  it('never loses a message whose record failed after the send, and never posts it twice where the platform can look', async () => {
    failAfterSend = 2;
    const { ref, escalationId } = await escalated();
    await vi.waitFor(async () => expect(await owed(ref)).toEqual([]), WAIT);
    await d.settle();
    expect(failAfterSend, 'every injected store failure happened').toBe(0);
    const notices = d.customerSaw(ref);
    const packets = d.queueSaw().filter((t) => t.includes(escalationId));
    if (d.lookBeforeResend) {
      expect(notices).toHaveLength(1);
      expect(packets).toHaveLength(1);
    } else {
      expect(notices.length).toBeGreaterThanOrEqual(1);
      expect(packets.length).toBeGreaterThanOrEqual(1);
    }
  });
});
