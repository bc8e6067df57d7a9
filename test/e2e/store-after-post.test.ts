import { describe, expect, it, vi } from 'vitest';
import type { Conversation } from '../../src/core/conversation/conversation.js';
import { ACME_CHANNEL, customer, useHarness } from './harness.js';

const harness = useHarness();
const SECURITY = 'C0SECURE01';

describe('a store that fails right after a post', () => {
  it('looks for the post before sending it again, so the customer and the queue each see it once', async () => {
    const h = harness();
    // Every write that follows a new post fails once: the post went out, the record that says so did not.
    const store = h.baton.core.conversations;
    const put = store.put.bind(store);
    let postsSeen = 0;
    let failed = 0;
    store.put = async (c: Conversation) => {
      const posts = h.fake.calls('chat.postMessage').filter((call) => call.response.ok).length;
      if (posts > postsSeen) {
        postsSeen = posts;
        failed += 1;
        throw Object.assign(new Error('store unavailable'), { code: 'ECONNRESET' });
      }
      return put(c);
    };
    const thread = await h.say(customer, 'We think someone accessed our workspace without permission, please check');
    await h.waitForPost(ACME_CHANNEL, thread, (t) => t.includes('security specialist'));
    await h.waitForPost(SECURITY, undefined);
    await vi.waitFor(async () => expect((await store.get(`slack:${ACME_CHANNEL}:${thread}`))?.outbox).toEqual([]), { timeout: 15_000, interval: 100 });
    await h.settle();

    expect(failed).toBeGreaterThanOrEqual(2);
    expect(h.postsIn(ACME_CHANNEL, thread)).toHaveLength(1);
    expect(h.postsIn(SECURITY).filter((c) => !c.args.thread_ts)).toHaveLength(1);
    expect(h.fake.calls('conversations.replies').length + h.fake.calls('conversations.history').length).toBeGreaterThan(0);
  });
});
