import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadPolicy } from '../../../src/config/load-policy.js';
import { deliverOnce, type StandaloneMessage } from '../../../src/core/delivery/deliver-once.js';
import type { Decider } from '../../../src/core/ports/decider.js';
import type { ChatGateway, DeliveryTag } from '../../../src/core/ports/chat-gateway.js';
import { memoryCore } from '../../fakes/memory-core.js';

const policy = loadPolicy('test/fixtures/e2e/baton.loop.yaml');
const DIGEST: StandaloneMessage = { id: 'digest:1796029200000', place: { platform: 'slack', channel: 'C0LEADS001', since: 1796029200000 }, ttlMs: 60_000 };

/** A leads' channel as the platform holds it: what was posted, by delivery id, and a way to lose the answer to a post. */
function world() {
  const { deps } = memoryCore(policy, {} as Decider);
  const posted: string[] = [];
  const looked: string[] = [];
  deps.gateway = {
    ...deps.gateway,
    findDelivered: async (_place, id) => {
      looked.push(id);
      return posted.includes(id) ? `ts-${id}` : undefined;
    },
  } as ChatGateway;
  let next: 'ok' | 'lost_after_post' | 'refused' = 'ok';
  const post = async (tag: DeliveryTag) => {
    if (next === 'refused') {
      next = 'ok';
      throw new Error('channel_not_found');
    }
    const cleared = await tag.beforeSend();
    posted.push(tag.id);
    if (next === 'lost_after_post') {
      next = 'ok';
      throw new Error('socket hang up');
    }
    return cleared;
  };
  const fail = (how: typeof next) => {
    next = how;
  };
  return { deps, posted, looked, post, fail };
}

describe('a message of no conversation (the weekly digest)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  const pastBackoff = () => vi.setSystemTime(Date.now() + 60_000);

  it('is sent once, whichever sweep comes again', async () => {
    const w = world();
    expect(await deliverOnce(w.deps, DIGEST, w.post)).toBe('sent');
    expect(await deliverOnce(w.deps, DIGEST, w.post)).toBe('done');
    expect(w.posted).toEqual([DIGEST.id]);
    expect(w.looked).toEqual([]);
  });

  it('whose answer was lost after the post is looked for, found and not posted again', async () => {
    const w = world();
    w.fail('lost_after_post');
    expect(await deliverOnce(w.deps, DIGEST, w.post)).toBe('failed');
    expect(await deliverOnce(w.deps, DIGEST, w.post)).toBe('waiting');
    pastBackoff();
    expect(await deliverOnce(w.deps, DIGEST, w.post)).toBe('found');
    expect(w.posted).toEqual([DIGEST.id]);
    expect(w.looked).toEqual([DIGEST.id]);
  });

  it('refused before it was sent is sent at the next attempt without a look', async () => {
    const w = world();
    w.fail('refused');
    expect(await deliverOnce(w.deps, DIGEST, w.post)).toBe('failed');
    pastBackoff();
    expect(await deliverOnce(w.deps, DIGEST, w.post)).toBe('sent');
    expect(w.posted).toEqual([DIGEST.id]);
    expect(w.looked).toEqual([]);
  });
});
