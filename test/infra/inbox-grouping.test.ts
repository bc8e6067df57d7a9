import { describe, expect, it } from 'vitest';
import type { InboxItem } from '../../src/core/ports/inbox.js';
import type { StandsAlone, Wake } from '../../src/infra/intake/held-group.js';
import { InboxWorker } from '../../src/infra/intake/inbox-worker.js';
import { FakeClock, MemoryInbox, MemoryLog } from '../fakes/memory-core.js';

const WINDOW_MS = 3000;

/** Timers on the fake clock: `advance` moves it and fires what is due, as time passing would. */
class FakeTimers {
  private timers: { due: number; fire: () => void }[] = [];
  constructor(readonly clock: FakeClock) {}
  readonly wake: Wake = (ms, fire) => void this.timers.push({ due: this.clock.at + ms, fire });
  async advance(ms: number): Promise<void> {
    this.clock.at += ms;
    for (let due = this.takeDue(); due.length > 0; due = this.takeDue()) for (const t of due) t.fire();
    // Let the worker run what the timers released (it only awaits in-memory work here).
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
  }
  private takeDue() {
    const due = this.timers.filter((t) => t.due <= this.clock.at);
    this.timers = this.timers.filter((t) => t.due > this.clock.at);
    return due;
  }
}

function world(inbox = new MemoryInbox(), clock = new FakeClock(), joinNewThreads = false, standsAlone?: StandsAlone) {
  const timers = new FakeTimers(clock);
  const groups: string[][] = [];
  const worker: InboxWorker = new InboxWorker(
    inbox,
    () => ({
      async handle(items) {
        groups.push(items.map((i) => i.id));
        for (const i of items) await worker.finish(i.id);
      },
    }),
    { maxDepth: 100, concurrency: 4, holdMs: (i) => ((i.payload as { kind: string }).kind === 'message' ? WINDOW_MS : 0), clock, wake: timers.wake, joinNewThreads, ...(standsAlone ? { standsAlone } : {}) },
    new MemoryLog(),
  );
  const item = (id: string, lane = 'slack:C1:1.0', kind = 'message'): InboxItem => ({ id, lane, receivedAt: clock.at, payload: { kind } });
  return { inbox, clock, timers, groups, worker, item };
}

describe('the intake holds a thread\u2019s messages for the window, durably', () => {
  it('three messages a second apart are handled as one group once the thread has been quiet for the window', async () => {
    const w = world();
    await w.worker.take(w.item('a'));
    await w.timers.advance(1000);
    await w.worker.take(w.item('b'));
    await w.timers.advance(1000);
    await w.worker.take(w.item('c'));
    await w.timers.advance(WINDOW_MS - 1);
    expect(w.groups).toEqual([]);
    expect([...w.inbox.items.keys()]).toEqual(['a', 'b', 'c']);
    await w.timers.advance(1);
    expect(w.groups).toEqual([['a', 'b', 'c']]);
    expect(w.inbox.items.size).toBe(0);
  });

  it('a message after the window, another thread, and a button press are groups of their own', async () => {
    const w = world();
    await w.worker.take(w.item('a'));
    await w.worker.take(w.item('other', 'slack:C1:2.0'));
    await w.worker.take(w.item('press', 'slack:C1:1.0', 'human_request'));
    await w.timers.advance(WINDOW_MS);
    await w.worker.take(w.item('late'));
    await w.timers.advance(WINDOW_MS);
    expect(w.groups.sort()).toEqual([['a'], ['late'], ['other'], ['press']]);
  });

  it('a chatty thread is decided at the latest four windows after its first message', async () => {
    const w = world();
    for (let i = 0; i < 6; i++) {
      await w.worker.take(w.item(`m${i}`));
      await w.timers.advance(WINDOW_MS - 1);
    }
    expect(w.groups[0]).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
  });

  it('a restart mid-window regroups what the inbox holds exactly as it arrived: one group, decided once', async () => {
    const first = world();
    await first.worker.take(first.item('a'));
    first.clock.at += 1000;
    await first.worker.take(first.item('b'));
    first.clock.at += 10_000;
    await first.worker.take(first.item('after'));
    // The process dies here (its timers never fire): nothing was handled, everything is in the inbox.
    expect(first.groups).toEqual([]);

    const second = world(first.inbox, first.clock);
    expect(await second.worker.recover()).toBe(3);
    await second.timers.advance(WINDOW_MS);
    expect(second.groups).toEqual([['a', 'b'], ['after']]);
    expect(first.inbox.items.size).toBe(0);
  });

  it('with new messages joining, the same author\u2019s next new thread in the channel joins the first one\u2019s group, durably', async () => {
    const w = world(new MemoryInbox(), new FakeClock(), true);
    const newThread = (id: string, by: string): InboxItem => ({ ...w.item(id, `slack:C1:${id}`), newThread: { by, ref: { platform: 'slack', channel: 'C1', thread: id } } });
    await w.worker.take(newThread('1.0', 'slack:C1:U1'));
    w.clock.at += 1000;
    await w.worker.take(newThread('2.0', 'slack:C1:U1'));
    await w.worker.take(newThread('3.0', 'slack:C1:U2'));
    expect(w.inbox.items.get('2.0')).toMatchObject({ lane: 'slack:C1:1.0', joined: { thread: '1.0' } });
    await w.timers.advance(WINDOW_MS);
    await w.worker.take(newThread('4.0', 'slack:C1:U1'));
    await w.timers.advance(WINDOW_MS);
    expect(w.groups.sort()).toEqual([['1.0', '2.0'], ['3.0'], ['4.0']]);
  });

  it('a group whose handling fails stays in the inbox, whole', async () => {
    const inbox = new MemoryInbox();
    const clock = new FakeClock();
    const timers = new FakeTimers(clock);
    const worker = new InboxWorker(inbox, () => ({ handle: async () => Promise.reject(new Error('store down')) }), { maxDepth: 100, concurrency: 1, holdMs: () => WINDOW_MS, clock, wake: timers.wake }, new MemoryLog());
    await worker.take({ id: 'a', lane: 'l', receivedAt: clock.at, payload: { kind: 'message' } });
    await worker.take({ id: 'b', lane: 'l', receivedAt: clock.at, payload: { kind: 'message' } });
    await timers.advance(WINDOW_MS);
    await worker.idle();
    worker.stop();
    expect([...inbox.items.keys()]).toEqual(['a', 'b']);
  });
});

describe('a message that is a request on its own is not held', () => {
  /** Whole requests are the items whose id starts with "q"; the look answers when `answer` is called. */
  function looking() {
    const pending: (() => void)[] = [];
    const standsAlone: StandsAlone = (item) => new Promise((resolve) => pending.push(() => resolve(item.id.startsWith('q'))));
    const w = world(new MemoryInbox(), new FakeClock(), false, standsAlone);
    const answer = async () => {
      for (const release of pending.splice(0)) release();
      await w.timers.advance(0);
    };
    return { ...w, answer };
  }

  it('a whole request is decided as soon as the look says so, without waiting the window', async () => {
    const w = looking();
    await w.worker.take(w.item('q1'));
    await w.timers.advance(0);
    expect(w.groups).toEqual([]);
    await w.answer();
    expect(w.groups).toEqual([['q1']]);
    expect(w.inbox.items.size).toBe(0);
  });

  it('a fragment waits the window and takes the messages that follow it', async () => {
    const w = looking();
    await w.worker.take(w.item('hi'));
    await w.timers.advance(0);
    await w.answer();
    await w.timers.advance(1000);
    await w.worker.take(w.item('q2'));
    await w.timers.advance(WINDOW_MS);
    expect(w.groups).toEqual([['hi', 'q2']]);
  });

  it('a message that joins before the look answers keeps the group to its window', async () => {
    const w = looking();
    await w.worker.take(w.item('q1'));
    await w.timers.advance(0);
    await w.worker.take(w.item('more'));
    await w.answer();
    expect(w.groups).toEqual([]);
    await w.timers.advance(WINDOW_MS);
    expect(w.groups).toEqual([['q1', 'more']]);
  });

  it('a look that fails leaves the group to its window', async () => {
    const w = world(new MemoryInbox(), new FakeClock(), false, () => Promise.reject(new Error('store down')));
    await w.worker.take(w.item('q1'));
    await w.timers.advance(WINDOW_MS - 1);
    expect(w.groups).toEqual([]);
    await w.timers.advance(1);
    expect(w.groups).toEqual([['q1']]);
  });
});
