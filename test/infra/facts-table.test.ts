import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Keyv from 'keyv';
import { describe, expect, it } from 'vitest';
import { STORES, storesClosedAfterEach } from './opened-stores.js';
import { newConversation, withTurn } from '../../src/core/conversation/conversation.js';
import { summarizeDays } from '../../src/core/metrics/day-summary.js';
import type { ConversationFacts, PacketFacts } from '../../src/core/metrics/facts.js';
import { MAX_DAY_CHANGES, TableFactsStore } from '../../src/infra/store/facts-table.js';
import { emptyStore } from '../../src/web/reset-store.js';
import { MemoryFactsTable } from '../fakes/memory-facts-table.js';
import { workerRedisUrl } from '../worker-redis.js';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

const open = storesClosedAfterEach();

/** A far-off day of each test's own, 20 days from the last test's, so tests sharing one Redis never read each other's facts. */
let tests = 0;
const someDay = () => Date.UTC(2040, 0, 1) + tests++ * 20 * DAY;

/** Conversation `i` of the day after `turns` customer messages, each answered by Baton. */
function conv(day: number, i: number, turns = 1, category = 'billing'): ConversationFacts {
  const createdAt = day + i * MIN;
  const times = Array.from({ length: turns }, (_, t) => createdAt + t * 1000);
  return { key: `facts:${day}:${i}`, accountId: 'acme', createdAt, category, at: { customer: times, thanks: [], bot: times.map((t) => t + 500), staff: [] }, clarify: { asked: turns, answered: 1, escalated: 0 } };
}

function packet(c: ConversationFacts, openedAt: number, more: Partial<PacketFacts> = {}): PacketFacts {
  return { id: `E-${c.key}-${openedAt}`, conversationKey: c.key, accountId: 'acme', queueId: 'support', category: c.category!, trigger: 'human_phrase', status: 'open', openedAt, dueAt: openedAt + 60 * MIN, ...more };
}

type Facts = Pick<TableFactsStore, 'putConversation' | 'putEscalation' | 'touchConversation' | 'importFacts' | 'conversationsCreated' | 'escalationsOpened' | 'daySummaries' | 'saveDaySummary'>;

const versions = async (facts: Facts, days: number[]) => (await facts.daySummaries(days)).map((s) => s.version);

describe.each([
  ['in memory', async () => new TableFactsStore(new MemoryFactsTable(), new Keyv()) as Facts],
  ['SQLite', async () => (await open(`sqlite://${join(mkdtempSync(join(tmpdir(), 'baton-facts-')), 'baton.sqlite')}`)).facts as Facts],
  ['Redis', async () => (await open(workerRedisUrl())).facts as Facts],
])('the report facts table %s', (_name, store) => {
  it('gives each conversation and packet of a period at its latest state, oldest first, as written', async () => {
    const facts = await store();
    const day = someDay();
    for (const i of [3, 1, 2]) await facts.putConversation(conv(day, i));
    await facts.putConversation(conv(day, 2, 3));
    await facts.putConversation(conv(day + DAY, 0));
    const claimed = packet(conv(day, 1), day + 5 * MIN, { status: 'claimed', claimedAt: day + 6 * MIN, firstResponseAt: day + 7 * MIN });
    await facts.putEscalation(packet(conv(day, 1), day + 5 * MIN));
    await facts.putEscalation(claimed);
    const draft = packet(conv(day, 3), day + 4 * MIN, { trigger: 'copilot', draft: 'edited', status: 'resolved', resolvedAt: day + 9 * MIN, tags: { rootCause: 'other', aiAccuracy: 'correct', automation: 'no', hasNote: true } });
    await facts.putEscalation(draft);

    expect(await facts.conversationsCreated(day, day + DAY)).toEqual([conv(day, 1), conv(day, 2, 3), conv(day, 3)]);
    expect(await facts.conversationsCreated(day + 2 * MIN, day + 2 * DAY)).toEqual([conv(day, 2, 3), conv(day, 3), conv(day + DAY, 0)]);
    expect(await facts.escalationsOpened(day, day + DAY)).toEqual([draft, claimed]);
    expect(await facts.escalationsOpened(day + 5 * MIN, day + 5 * MIN + 1)).toEqual([claimed]);
    expect(await facts.escalationsOpened(day + DAY, day + 2 * DAY)).toEqual([]);
    // Those of some conversations only.
    expect(await facts.escalationsOpened(day, day + DAY, [conv(day, 3).key, 'facts:nobody'])).toEqual([draft]);
  });

  it('moves a day’s version on every write its report depends on, and on no other', async () => {
    const facts = await store();
    const day = someDay();
    const days = [0, 1, 2, 3].map((d) => day + d * DAY);
    for (const d of days) await facts.putConversation(conv(d, 0));
    const moved = async (write: () => Promise<void>) => {
      const before = await versions(facts, days);
      await write();
      return (await versions(facts, days)).map((v, i) => v !== before[i]);
    };
    expect(await moved(() => facts.putConversation(conv(days[2]!, 0, 2)))).toEqual([false, false, true, false]);
    // The same facts again (an outbox item delivered) change nothing.
    expect(await moved(() => facts.putConversation(conv(days[2]!, 0, 2)))).toEqual([false, false, false, false]);
    // The customer of day 1 comes back on day 3 and asks for a person.
    const back = packet(conv(days[1]!, 0), days[3]! + MIN);
    expect(await moved(() => facts.putEscalation(back))).toEqual([false, true, false, true]);
    expect(await moved(() => facts.putEscalation(back))).toEqual([false, false, false, false]);
    // A rating of day 0's conversation; a rating of a conversation with no facts changes no day.
    expect(await moved(() => facts.touchConversation(conv(days[0]!, 0).key))).toEqual([true, false, false, false]);
    expect(await moved(() => facts.touchConversation('facts:nobody'))).toEqual([false, false, false, false]);
  });

  it('gives a day’s summary back only while no write has moved the day since', async () => {
    const facts = await store();
    const day = someDay();
    await facts.putConversation(conv(day, 0));
    const [stored] = await facts.daySummaries([day]);
    expect(stored!.summary).toBeUndefined();
    const input = { conversations: await facts.conversationsCreated(day, day + DAY), escalations: [], csat: [] };
    const [summary] = summarizeDays([day], input, day + DAY, { quietMs: MIN, heldMs: DAY } as never);
    await facts.saveDaySummary(stored!.version, summary!);
    expect((await facts.daySummaries([day]))[0]!.summary?.computedAt).toBe(day + DAY);
    await facts.putConversation(conv(day, 1));
    expect((await facts.daySummaries([day]))[0]!.summary).toBeUndefined();
  });

  it('tells, of a day summarized before its latest writes, which conversations they changed and whether its escalations did', async () => {
    const facts = await store();
    const day = someDay();
    const [c0, c1, c2, late] = [conv(day, 0), conv(day, 1), conv(day, 2), conv(day + DAY, 0)];
    for (const c of [c0, c1, late]) await facts.putConversation(c);
    const summarize = async (d: number) => {
      const [stored] = await facts.daySummaries([d]);
      const input = { conversations: await facts.conversationsCreated(d, d + DAY), escalations: [], csat: [] };
      await facts.saveDaySummary(stored!.version, summarizeDays([d], input, d + DAY, { quietMs: MIN, heldMs: DAY } as never)[0]!);
    };
    await summarize(day);
    // A new conversation, a rating of c1 and c0's customer back the next day asking for a person.
    await facts.putConversation(c2);
    await facts.touchConversation(c1.key);
    await facts.putEscalation(packet(c0, day + DAY + MIN));
    const [first, next] = await facts.daySummaries([day, day + DAY]);
    expect(first!.summary).toBeUndefined();
    expect(first!.outdated).toMatchObject({ summary: { day }, escalations: false });
    expect(first!.outdated!.conversations.toSorted()).toEqual([c0.createdAt, c1.createdAt, c2.createdAt]);
    // The next day was never summarized: its writes were not kept, and it is classified whole.
    expect(next!.outdated).toBeUndefined();

    await summarize(day + DAY);
    await facts.putEscalation(packet(late, late.createdAt + MIN));
    expect((await facts.daySummaries([day + DAY]))[0]!.outdated).toMatchObject({ conversations: [late.createdAt], escalations: true });
    // Summarized again: nothing has changed since.
    await summarize(day);
    expect((await facts.daySummaries([day]))[0]).toMatchObject({ summary: { day } });
    expect((await facts.daySummaries([day]))[0]!.outdated).toBeUndefined();
  });

  it('stops telling what changed in a day past a bound of writes since its summary: the day is classified whole', async () => {
    const facts = await store();
    const day = someDay();
    const [stored] = await facts.daySummaries([day]);
    await facts.saveDaySummary(stored!.version, summarizeDays([day], { conversations: [], escalations: [], csat: [] }, day + DAY, { quietMs: MIN, heldMs: DAY } as never)[0]!);
    await facts.importFacts(Array.from({ length: MAX_DAY_CHANGES }, (_, i) => conv(day, i / 100)), []);
    expect((await facts.daySummaries([day]))[0]!.outdated?.conversations).toHaveLength(MAX_DAY_CHANGES);
    await facts.putConversation(conv(day, 1000));
    expect((await facts.daySummaries([day]))[0]!.outdated).toBeUndefined();
  });

  it('takes an import in bulk: every fact read back as written, and the days it touched marked as changed', async () => {
    const facts = await store();
    const day = someDay();
    const days = Array.from({ length: 12 }, (_, d) => day + d * DAY);
    const before = await versions(facts, days);
    const conversations = Array.from({ length: 12_000 }, (_, i) => conv(day + (i % 3) * DAY, i));
    const packets = conversations.filter((_, i) => i % 4 === 0).map((c) => packet(c, c.createdAt + MIN));
    await facts.importFacts(conversations, packets);
    expect(await facts.conversationsCreated(day, day + 12 * DAY)).toEqual(conversations.toSorted((x, y) => x.createdAt - y.createdAt));
    expect(await facts.escalationsOpened(day, day + 12 * DAY)).toEqual(packets.toSorted((x, y) => x.openedAt - y.openedAt));
    // 12,000 minutes from the first day's start, over three days: ten days and some.
    expect((await versions(facts, days)).map((v, i) => v !== before[i])).toEqual(days.map((_, d) => d < 11));
  });
});

describe.each(STORES)('report facts written by two instances at once on %s', (_name, uri) => {
  it('count every conversation at its latest state', async () => {
    const where = uri();
    const [a, b, reader] = [await open(where), await open(where), await open(where)];
    const day = someDay();
    const conversations = 40;
    // Each conversation gets three messages; its writes alternate between the two instances, all at once.
    for (let turn = 1; turn <= 3; turn++) {
      await Promise.all(Array.from({ length: conversations }, (_, i) => ((i + turn) % 2 ? a : b).facts.putConversation(conv(day, i, turn))));
    }
    const seen = await reader.facts.conversationsCreated(day, day + DAY);
    expect(seen).toHaveLength(conversations);
    expect(seen.every((c) => c.at.customer.length === 3)).toBe(true);
  });

  it('keep a conversation’s facts with every write of it, by either instance', async () => {
    const where = uri();
    const [a, b, reader] = [await open(where), await open(where), await open(where)];
    const day = someDay();
    const threads = Array.from({ length: 10 }, (_, i) => newConversation({ platform: 'slack', channel: 'C1', thread: `${day / 1000 + i}.000100` }, 'acme', day + i * MIN));
    await Promise.all(threads.map((c, i) => (i % 2 ? a : b).conversations.put(withTurn(c, { role: 'customer', text: 'hello', at: c.createdAt }))));

    expect((await reader.conversations.get(threads[3]!.key))?.turns).toHaveLength(1);
    const seen = await reader.facts.conversationsCreated(day, day + DAY);
    expect(seen.map((c) => c.key).sort()).toEqual(threads.map((c) => c.key).sort());
    expect(seen.every((c) => c.at.customer.length === 1)).toBe(true);
  });
});

describe("the playground's reset", () => {
  it('empties the report facts, and no summary of an emptied day holds after it', async () => {
    const [, sqlite] = STORES[0]!;
    const where = sqlite();
    const stores = await open(where);
    const day = someDay();
    await stores.facts.putConversation(conv(day, 0));
    const [before] = await stores.facts.daySummaries([day]);
    await emptyStore(stores.backend, where);
    expect(await stores.facts.conversationsCreated(day, day + DAY)).toEqual([]);
    expect((await stores.facts.daySummaries([day]))[0]!.version).not.toBe(before!.version);
  });
});
