import { expect, vi } from 'vitest';
import { conversationKey, type ConversationRef } from '../../src/core/model/conversation-ref.js';
import { ManualClock } from '../e2e/loop/loop-world.js';
import { fakeStore, startFakeBaton, type FakeBaton } from './fake-platform/fake-baton.js';
import { FAKE } from './fake-platform/fake-tag.js';
import { type FakePost, FakeWorld } from './fake-platform/fake-world.js';
import { type PlatformDriver, QUESTIONS } from './platform-driver.js';

const ROOM = 'acme-room';
const QUEUE = 'support-queue';
const STRANGERS = 'newco-room';
const TAGS = { rootCause: 'other', aiAccuracy: 'correct', automation: 'no' };

/** The fake fourth platform (test/platforms/fake-platform): its JSON routes, as its people would call them. */
export async function fakeDriver(): Promise<PlatformDriver> {
  const world = new FakeWorld();
  const store = fakeStore();
  const clock = new ManualClock();
  let fake: FakeBaton = await startFakeBaton(world, store, clock);
  let next = 0;
  const ok = async (res: Promise<{ status: number; body: Record<string, unknown> }>) => {
    const { status, body } = await res;
    if (status >= 300) throw new Error(`the fake platform answered ${status}: ${JSON.stringify(body)}`);
  };
  const posts = (match: (p: FakePost) => boolean) => world.posts.filter(match);
  const packet = (id: string) => world.posts.find((p) => p.kind === 'packet' && p.text.includes(id));
  const staff = (action: string, escalationId: string, more: Record<string, unknown> = {}) => ok(fake.press(action, { escalationId, ...more }));
  return {
    get core() {
      return fake.baton.core as PlatformDriver['core'];
    },
    lookBeforeResend: true,
    ...QUESTIONS,
    async customerSays(text, thread) {
      const id = `msg-${++next}`;
      await ok(fake.say(id, text, thread ? { thread: thread.thread } : {}));
      return thread ?? { platform: FAKE, channel: ROOM, thread: id };
    },
    async strangerSays(text) {
      await ok(fake.say(`msg-${++next}`, text, { room: STRANGERS }));
    },
    customerSaw: (ref: ConversationRef) => posts((p) => (p.kind === 'customer' || p.kind === 'csat') && p.channel === ref.channel && p.thread === ref.thread).map((p) => p.text),
    strangerSaw: () => posts((p) => p.channel === STRANGERS).map((p) => p.text),
    queueSaw: () => posts((p) => p.channel === QUEUE && ['packet', 'alert', 'digest'].includes(p.kind)).map((p) => p.text),
    threadSaw: (id) => posts((p) => p.kind === 'internal' && p.thread === packet(id)?.id).map((p) => p.text),
    packetUpdates: (id) => posts((p) => p.kind === 'packet-update' && p.thread === packet(id)?.id).length,
    staffClaims: (escalationId, second) => staff('claim', escalationId, second ? { user: 'staff-ben', name: 'Ben' } : {}),
    staffReplies: (escalationId, text) => staff('relay', escalationId, { text }),
    staffCloses: (escalationId) => staff('close', escalationId, { tags: TAGS }),
    async customerRates(ref, rating) {
      await world.waitFor('the survey', (p) => p.kind === 'csat' && p.thread === ref.thread);
      // As the Slack and Teams drivers wait for 'CSAT asked': the record the buttons rate is stored just after the post.
      await vi.waitFor(async () => expect((await (fake.baton.core as PlatformDriver['core']).loop.csat.get(conversationKey(ref)))?.messageId).toBeTruthy(), { timeout: 8000, interval: 20 });
      await ok(fake.press('rate', { conversationKey: conversationKey(ref), rating, user: 'casey', name: 'Casey' }));
    },
    failNextSends: (...statuses) => world.failNext(...statuses),
    accepted: () => world.posts.length,
    async restart() {
      await fake.baton.stop();
      fake = await startFakeBaton(world, store, clock);
    },
    settle: () => fake.baton.idle(),
    stop: () => fake.baton.stop(),
  };
}
