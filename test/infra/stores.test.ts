import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newConversation } from '../../src/core/conversation/conversation.js';
import { claim, type Escalation } from '../../src/core/escalation/escalation.js';
import { openStores, type Stores } from '../../src/infra/store/open-stores.js';
import { storeKeys } from '../../src/infra/store/store-keys.js';
import { workerRedisUrl } from '../worker-redis.js';

const opened: Stores[] = [];
async function open(uri: string): Promise<Stores> {
  const stores = await openStores(uri);
  opened.push(stores);
  return stores;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

function escalation(id: string, openedAt = Date.now()): Escalation {
  return {
    id,
    conversation: { platform: 'slack', channel: 'C1', thread: `${id}.1` },
    accountId: 'acme',
    queueId: 'support',
    category: 'billing',
    trigger: 'human_button',
    decision: {
      action: 'escalate',
      category: 'billing',
      risk: 'medium',
      trigger: 'human_button',
      rule: 'button',
      confidence: 0,
      threshold: 0.6,
      complexity: 'low',
      sentiment: { label: 'neutral', frustration: 0, urgency: 0, distress: 0 },
      loop: false,
      reasons: [],
    },
    status: 'open',
    openedAt,
    dueAt: openedAt + 60_000,
    version: 0,
    history: [{ type: 'opened', at: openedAt }],
  };
}

/** Two specialists click Claim at the same moment, each through its own store (its own process). */
async function raceClaims(a: Stores, b: Stores, id: string): Promise<string[]> {
  const attempt = (stores: Stores, who: string) =>
    stores.escalations.update(id, (current) => {
      const r = claim(current, { id: who }, Date.now());
      const changed = r.ok && r.escalation.version !== current.version;
      return { next: changed && r.ok ? r.escalation : undefined, result: changed ? who : undefined };
    });
  const results = await Promise.all([attempt(a, 'U_ANA'), attempt(b, 'U_BEN')]);
  return results.filter((r): r is string => !!r);
}

describe('SQLite store (the embedded default)', () => {
  it('keeps conversations and escalations across a restart', async () => {
    const uri = `sqlite://${join(mkdtempSync(join(tmpdir(), 'baton-store-')), 'baton.sqlite')}`;
    const first = await open(uri);
    const conv = { ...newConversation({ platform: 'slack', channel: 'C1', thread: '1.1' }, 'acme', 1), mode: 'escalated' as const, escalationId: 'E-1' };
    await first.conversations.put(conv);
    await first.escalations.create(escalation('E-1'));
    await first.close();
    opened.splice(opened.indexOf(first), 1);

    const second = await open(uri);
    expect(await second.conversations.get(conv.key)).toMatchObject({ mode: 'escalated', escalationId: 'E-1' });
    expect(await second.escalations.get('E-1')).toMatchObject({ status: 'open', queueId: 'support' });
  });

  it('reads an escalation an older Baton stored, whose packet locations name no platform, as Slack\u2019s, and writes it so', async () => {
    const stores = await open(`sqlite://${join(mkdtempSync(join(tmpdir(), 'baton-store-')), 'baton.sqlite')}`);
    // As written before references carried their platform (2026-11-30): Baton ran on Slack alone.
    const old = { ...escalation('E-OLD', 1_700_000_000_000), packet: { channel: 'C0BACKUP01', messageId: '17.2' }, movedFrom: { queueId: 'support', at: 1_700_000_060_000, packet: { channel: 'C0SUPPORT1', messageId: '17.1' } } };
    await stores.backend.keyv.set(storeKeys.escalation('E-OLD'), old);

    const read = await stores.escalations.get('E-OLD');
    expect(read?.packet).toEqual({ platform: 'slack', channel: 'C0BACKUP01', messageId: '17.2' });
    expect(read?.movedFrom?.packet).toEqual({ platform: 'slack', channel: 'C0SUPPORT1', messageId: '17.1' });

    await stores.escalations.update('E-OLD', (current) => ({ next: { ...current, version: current.version + 1 }, result: undefined }));
    expect((await stores.backend.keyv.get<Escalation>(storeKeys.escalation('E-OLD')))?.packet?.platform).toBe('slack');
  });

  it('gives a concurrent double claim exactly one winner', async () => {
    const stores = await open(`sqlite://${join(mkdtempSync(join(tmpdir(), 'baton-store-')), 'baton.sqlite')}`);
    for (let i = 0; i < 20; i++) {
      await stores.escalations.create(escalation(`E-${i}`));
      expect(await raceClaims(stores, stores, `E-${i}`)).toHaveLength(1);
    }
  });
});

describe('Redis store (several Baton instances)', () => {
  it('gives racing claims from two instances exactly one winner', async () => {
    const [a, b] = [await open(workerRedisUrl()), await open(workerRedisUrl())];
    for (let i = 0; i < 20; i++) {
      const id = `E-R${Date.now()}-${i}`;
      await a.escalations.create(escalation(id));
      const winners = await raceClaims(a, b, id);
      expect(winners).toHaveLength(1);
      expect((await b.escalations.get(id))?.claimedBy?.id).toBe(winners[0]);
    }
  });

  it('acts on a delivery once even when two instances receive it', async () => {
    const [a, b] = [await open(workerRedisUrl()), await open(workerRedisUrl())];
    const key = `msg:slack:C1:${Date.now()}.0001`;
    const results = await Promise.all([a.once.claimOnce(key, 60_000), b.once.claimOnce(key, 60_000), a.once.claimOnce(key, 60_000)]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('shares conversations between instances', async () => {
    const [a, b] = [await open(workerRedisUrl()), await open(workerRedisUrl())];
    const conv = newConversation({ platform: 'slack', channel: 'C9', thread: `${Date.now()}.5` }, 'acme', 1);
    await a.conversations.put(conv);
    expect(await b.conversations.get(conv.key)).toMatchObject({ accountId: 'acme' });
  });
});

describe('Redis locks', () => {
  it('hold for work that outlasts one lease, so a second instance waits its turn', async () => {
    const { RedisLocks } = await import('../../src/infra/locks/redis-locks.js');
    const [a, b] = [await open(workerRedisUrl()), await open(workerRedisUrl())];
    const lockA = new RedisLocks(a.backend.redis!, 300);
    const lockB = new RedisLocks(b.backend.redis!, 300);
    const order: string[] = [];
    const key = `lease-${Date.now()}`;
    let aHolds!: () => void;
    const held = new Promise<void>((r) => (aHolds = r));
    const slow = lockA.run(key, async () => {
      order.push('a:start');
      aHolds();
      await new Promise((r) => setTimeout(r, 1000)); // work three leases long
      order.push('a:end');
    });
    await held;
    await Promise.all([slow, lockB.run(key, async () => void order.push('b'))]);
    expect(order).toEqual(['a:start', 'a:end', 'b']);
  });
});
