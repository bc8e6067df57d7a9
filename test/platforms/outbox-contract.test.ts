import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Conversation } from '../../src/core/conversation/conversation.js';
import { recordDeliveries } from '../../src/core/delivery/record-deliveries.js';
import { releaseEscalation } from '../../src/core/escalation/specialist-actions.js';
import { latestDigestSlot } from '../../src/core/timers/digest-schedule.js';
import { sweepDigest } from '../../src/core/timers/digest-sweep.js';
import { channelName, conversationKey, type ConversationRef } from '../../src/core/model/conversation-ref.js';
import type { DeliveryTag } from '../../src/core/ports/chat-gateway.js';
import { MONDAY_NINE_UTC } from '../clock/next-digest-slot.js';
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
/** The loop's posts: the rating prompt and the weekly digest. */
const LOOP_POSTS = ['askCsat', 'postDigest'] as const;
const DIGEST = /escalation rate/i;

describe.each(Object.keys(DRIVERS))('the outbox on %s', (platform) => {
  let d: PlatformDriver;
  /** Every delivery id a conversation write recorded, and every id a gateway post went out under. */
  let recorded: Set<string>;
  let sentUnder: string[];
  /** Set by a test: this many puts that follow a send the platform accepted fail, as a store would right after the post. */
  let failAfterSend = 0;
  /** Set by a test: this many marks of a digest as sent fail, as a store would right after the post. */
  let failDigestMark = 0;

  beforeEach(async () => {
    d = await DRIVERS[platform]!();
    recorded = new Set();
    sentUnder = [];
    failAfterSend = 0;
    failDigestMark = 0;
    watch();
  });
  afterEach(async () => {
    await d.stop();
  });

  function watch(): void {
    // A message of no conversation (the digest) is recorded by its `tried` marker, set before it is sent.
    const once = d.core.once;
    const claimOnce = once.claimOnce.bind(once);
    once.claimOnce = async (key, ttlMs) => {
      if (key.endsWith(':tried')) recorded.add(key.slice(0, -':tried'.length));
      if (key.startsWith('digest:') && !key.endsWith(':tried') && failDigestMark > 0) {
        failDigestMark--;
        throw Object.assign(new Error('store unavailable right after the digest went out'), { code: 'ECONNRESET' });
      }
      return claimOnce(key, ttlMs);
    };
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
    tagPosts(d.core.gateway, POSTS);
    tagPosts(d.core.loop.notify, LOOP_POSTS);
  }

  function tagPosts(target: object, names: readonly string[]): void {
    const gateway = target as Record<string, (...args: unknown[]) => Promise<unknown>>;
    for (const name of names) {
      const post = gateway[name]!.bind(gateway);
      gateway[name] = (...args: unknown[]) => {
        sentUnder.push((args[2] as DeliveryTag).id);
        return post(...args);
      };
    }
  }

  /**
   * The weekly digest, due now, into `leads` (a queue channel of the platform under test, so its failures
   * apply): swept until its record says it is out, then swept again. Returns its delivery id.
   */
  async function digestSent(leads: string): Promise<string> {
    const deps = { ...d.core, policy: { ...d.core.policy, leads_channel: leads, digest: MONDAY_NINE_UTC } };
    const slot = latestDigestSlot(d.core.clock.now(), MONDAY_NINE_UTC);
    const id = `digest:${slot}`;
    await vi.waitFor(async () => {
      await sweepDigest(deps, slot + 60_000);
      expect(await d.core.once.claimed(id)).toBe(true);
    }, WAIT);
    await sweepDigest(deps, slot + 120_000);
    return id;
  }

  const queueOf = async (escalationId: string) => channelName((await d.core.escalations.get(escalationId))!.packet!);
  const surveys = (ref: ConversationRef) => d.customerSaw(ref).filter((t) => t.includes(d.core.policy.csat.question));

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

  it('records the rating prompt, its thank-you and the weekly digest before they are sent, and sends each once', async () => {
    const { ref, escalationId } = await escalated();
    await d.staffCloses(escalationId);
    await d.customerRates(ref, 4);
    await vi.waitFor(async () => expect((await d.core.loop.csat.get(conversationKey(ref)))?.rating).toBe(4), WAIT);
    const digest = await digestSent(await queueOf(escalationId));
    await d.settle();
    expect(await owed(ref)).toEqual([]);

    const key = conversationKey(ref);
    expect(surveys(ref)).toHaveLength(1);
    expect(d.queueSaw().filter((t) => DIGEST.test(t))).toHaveLength(1);
    expect(sentUnder).toEqual(expect.arrayContaining([`csat:${key}`, digest]));
    expect(recorded).toContain(`csat-thanks:${key}`);
    expect(sentUnder.filter((id) => !recorded.has(id))).toEqual([]);
  }, 90_000);

  it('retries the rating prompt and the digest the platform refuses for now (429, then 503) and lands each once', async () => {
    const { ref, escalationId } = await escalated();
    await d.settle();
    d.failNextSends(429, 503);
    await d.staffCloses(escalationId);
    const resolved = d.core.policy.copy.resolved;
    await vi.waitFor(() => expect(surveys(ref)).toHaveLength(1), WAIT);
    await vi.waitFor(() => expect(d.customerSaw(ref)).toContain(resolved), WAIT);
    d.failNextSends(429, 503);
    await digestSent(await queueOf(escalationId));
    await d.settle();
    expect(surveys(ref)).toHaveLength(1);
    expect(d.customerSaw(ref).filter((t) => t === resolved)).toHaveLength(1);
    expect(d.queueSaw().filter((t) => DIGEST.test(t))).toHaveLength(1);
    expect(await owed(ref)).toEqual([]);
  }, 90_000);

  it('never loses a digest whose record failed after the post, and never posts it twice where the platform can look', async () => {
    const { escalationId } = await escalated();
    failDigestMark = 1;
    await digestSent(await queueOf(escalationId));
    await d.settle();
    expect(failDigestMark, 'the injected store failure happened').toBe(0);
    const digests = d.queueSaw().filter((t) => DIGEST.test(t));
    if (d.lookBeforeResend) expect(digests).toHaveLength(1);
    else expect(digests.length).toBeGreaterThanOrEqual(1);
  });
});
