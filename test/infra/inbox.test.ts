import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { InboxItem } from '../../src/core/ports/inbox.js';
import { createClient } from '@keyv/redis';
import { KeyvInbox } from '../../src/infra/store/keyv-inbox.js';
import { workerRedisUrl } from '../worker-redis.js';

const opened: KeyvInbox[] = [];
async function open(uri: string): Promise<KeyvInbox> {
  const inbox = await KeyvInbox.open(uri);
  opened.push(inbox);
  return inbox;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((i) => i.close().catch(() => undefined)));
});

const sqlite = () => `sqlite://${join(mkdtempSync(join(tmpdir(), 'baton-inbox-')), 'baton.sqlite')}`;
const item = (n: number): InboxItem => ({ id: `slack:C1:${n}.000100`, lane: `slack:C1:${n}.000100`, receivedAt: n, payload: { text: `:wave: question ${n}` } });

describe('the inbox on SQLite', () => {
  it('has every event of a burst in the file once its add resolves, as another process reading the file sees it', async () => {
    const uri = sqlite();
    const inbox = await open(uri);
    const burst = Array.from({ length: 60 }, (_, n) => item(n));
    await Promise.all(burst.map((i) => inbox.add(i)));
    const reader = await open(uri);
    expect(await reader.pending()).toEqual(burst);
  });

  it('keeps a redelivered event once, with its latest state', async () => {
    const inbox = await open(sqlite());
    await Promise.all([inbox.add(item(1)), inbox.add(item(1)), inbox.add({ ...item(1), delivering: true })]);
    expect(await inbox.pending()).toEqual([{ ...item(1), delivering: true }]);
  });

  it('refuses an event it cannot record, so Slack is not told it was received', async () => {
    const inbox = await KeyvInbox.open(sqlite());
    await inbox.close();
    await expect(inbox.add(item(1))).rejects.toThrow();
  });

  it('clears delivered items, and a stop clears those still waiting for their batch before the file closes', async () => {
    const uri = sqlite();
    const inbox = await KeyvInbox.open(uri);
    await Promise.all([1, 2, 3].map((n) => inbox.add(item(n))));
    await inbox.done(item(1).id);
    expect((await inbox.pending()).map((i) => i.id)).toEqual([item(2).id, item(3).id]);
    void inbox.done(item(2).id);
    await inbox.close();
    expect(await (await open(uri)).pending()).toEqual([item(3)]);
  });
});

describe('the inbox on Redis', () => {
  it('recovers its own items and nothing else, beside conversation locks, counters and other keys', async () => {
    const client = createClient({ url: workerRedisUrl() });
    await client.connect();
    await client.flushDb();
    await client.set('baton:lock:conv:slack:C1:1.000100', 'a3f1c2e4-lock-token');
    await client.set('rlflx:anything', '7');
    await client.hSet('some-other-hash', 'k', 'not json');
    await client.quit();
    const inbox = await open(workerRedisUrl());
    await Promise.all([1, 2, 3].map((n) => inbox.add(item(n))));
    await inbox.done(item(2).id);
    expect(await (await open(workerRedisUrl())).pending()).toEqual([item(1), item(3)]);
  });
});

describe('dead letters', () => {
  for (const [store, uri] of [['SQLite', sqlite], ['Redis', workerRedisUrl]] as const) {
    it(`on ${store}: leave the pending items, are listed, and a retried one is taken back once`, async () => {
      const at = uri();
      if (store === 'Redis') {
        const client = createClient({ url: at });
        await client.connect();
        await client.flushDb();
        await client.quit();
      }
      const inbox = await open(at);
      await Promise.all([1, 2].map((n) => inbox.add(item(n))));
      await inbox.bury({ item: { ...item(1), failures: 5 }, error: 'boom', at: 10 });
      expect(await inbox.pending()).toEqual([item(2)]);
      const other = await open(at);
      expect(await other.buried()).toEqual([{ item: { ...item(1), failures: 5 }, error: 'boom', at: 10 }]);
      expect(await other.revive(item(1).id)).toBe(true);
      // Instances share Redis and may race for it; a SQLite file has one Baton, so there one takes it, then none.
      const [mine, theirs] = store === 'Redis' ? await Promise.all([inbox.takeRevived(), other.takeRevived()]) : [await inbox.takeRevived(), await other.takeRevived()];
      expect([...mine, ...theirs]).toEqual([item(1)]);
      expect(await inbox.buried()).toEqual([]);
      expect(await inbox.drop(item(1).id)).toBe(false);
    });
  }
});
